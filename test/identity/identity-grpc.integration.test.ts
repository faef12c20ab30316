import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '@shopstream/testing/database';
import {
  IdentityServiceClient,
  type GetUserResponse,
  type ValidateTokenResponse,
} from '@shopstream/proto/identity/v1/identity_service.js';
import {
  createIdentityStore,
  createPasswordHasher,
  identityConfig,
  type IdentityDeps,
  migrateIdentityDatabase,
  openSigningKeyStore,
  type SessionTokens,
  signIn,
  signUp,
  systemClock,
} from '@shopstream/identity';
import { daprApiToken, portsOf } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';

/**
 * The `identity` app (gRPC) through Dapr's gRPC proxying: a plain grpc-js client talks to skeleton-caller's
 * sidecar with `dapr-app-id: identity`. Accounts are made here with identity's own use cases against the
 * app's database (the provisioned `identity` role), signed with the SAME key ring the app loaded from
 * `signing_keys`, so the app verifies these tokens exactly like its own.
 */

const PASSWORD = 'correct horse battery staple 42';
/** Cheap argon2id: only the account rows matter here; the app never checks these passwords. */
const CHEAP_ARGON2ID = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

type Invoke<Req, Res> = (
  client: IdentityServiceClient,
  request: Req,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

function viaSidecar(accessToken?: string): Metadata {
  const md = new Metadata();
  md.set('dapr-app-id', 'identity');
  md.set('dapr-api-token', daprApiToken);
  if (accessToken !== undefined) md.set('authorization', `Bearer ${accessToken}`);
  return md;
}

function unary<Req, Res>(invoke: Invoke<Req, Res>) {
  return (request: Req, md: Metadata) => {
    const client = new IdentityServiceClient(
      `127.0.0.1:${portsOf('skeleton-caller').daprGrpc}`,
      credentials.createInsecure(),
    );
    return new Promise<Res>((resolve, reject) => {
      invoke(client, request, md, { deadline: Date.now() + 5000 }, (err, res) => {
        client.close();
        if (err) reject(err);
        else resolve(res);
      });
    });
  };
}

const validateToken = unary<{ accessToken: string; expectedTenantId: string }, ValidateTokenResponse>(
  (c, req, md, options, callback) => c.validateToken(req, md, options, callback),
);
const getUser = unary<{ userId: string }, GetUserResponse>((c, req, md, options, callback) =>
  c.getUser(req, md, options, callback),
);

async function failure(promise: Promise<unknown>): Promise<{ code: status | undefined; reason: string[] }> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as ServiceError | undefined;
  return { code: error?.code, reason: error?.metadata.get('x-error-code').map(String) ?? [] };
}

/** Changes one character in the middle of the signature (stays canonical base64url). */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const i = Math.floor(signature.length / 2);
  const swapped = signature[i] === 'A' ? 'B' : 'A';
  return `${header}.${payload}.${signature.slice(0, i)}${swapped}${signature.slice(i + 1)}`;
}

describe('identity gRPC app through the sidecars', () => {
  let pool: Pool;
  let tenantA = '';
  let tenantB = '';
  let alice: SessionTokens;
  let carolId: string;
  let bobId: string;

  beforeAll(async () => {
    pool = identityDatabasePool('identity-grpc-test', 3);
    // The app migrated at start; running again is a no-op (advisory lock + checksums) and keeps this
    // test independent of start-up order.
    await migrateIdentityDatabase(pool, silentLogger);
    const deps: IdentityDeps = {
      store: createIdentityStore(pool),
      hasher: createPasswordHasher(CHEAP_ARGON2ID),
      keys: await openSigningKeyStore(pool),
      throttle: {
        begin: () => Promise.resolve({ allowed: true, consecutiveFailures: 0 }),
        succeeded: () => Promise.resolve(),
      },
      clock: systemClock,
      config: identityConfig('identity'),
    };
    tenantA = await createTestTenant(pool, 'grpc-a');
    tenantB = await createTestTenant(pool, 'grpc-b');
    await signUp(deps, { tenantId: tenantA, email: 'alice@example.com', password: PASSWORD });
    carolId = (await signUp(deps, { tenantId: tenantA, email: 'carol@example.com', password: PASSWORD }))
      .userId;
    bobId = (await signUp(deps, { tenantId: tenantB, email: 'bob@example.com', password: PASSWORD })).userId;
    alice = await signIn(
      deps,
      { tenantId: tenantA, email: 'alice@example.com', password: PASSWORD },
      { ip: '127.0.0.1' },
    );
  });

  afterAll(async () => {
    await pool.end();
  });

  it('ValidateToken returns the principal and expiry of a valid token', async () => {
    const res = await validateToken({ accessToken: alice.accessToken, expectedTenantId: '' }, viaSidecar());
    expect(res.principal).toEqual({
      userId: alice.userId,
      tenantId: tenantA,
      roles: [],
      admin: false,
      sessionId: alice.sessionId,
      clientId: '', // a user's token: no service client (adr/0065)
    });
    expect(res.expiresAt).toEqual({ seconds: String(alice.accessTokenExpiresAt), nanos: 0 });
  });

  it('ValidateToken honours expected_tenant_id', async () => {
    await expect(
      validateToken({ accessToken: alice.accessToken, expectedTenantId: tenantA }, viaSidecar()),
    ).resolves.toMatchObject({ principal: { userId: alice.userId } });
    expect(
      await failure(
        validateToken({ accessToken: alice.accessToken, expectedTenantId: tenantB }, viaSidecar()),
      ),
    ).toEqual({ code: status.PERMISSION_DENIED, reason: ['Auth.WrongTenant'] });
  });

  it('ValidateToken rejects a tampered token and garbage as UNAUTHENTICATED', async () => {
    for (const accessToken of [tamper(alice.accessToken), '', 'not-a-token']) {
      expect(await failure(validateToken({ accessToken, expectedTenantId: '' }, viaSidecar()))).toEqual({
        code: status.UNAUTHENTICATED,
        reason: ['Auth.InvalidToken'],
      });
    }
  });

  it('GetUser without a token, or with a tampered one, is UNAUTHENTICATED', async () => {
    expect(await failure(getUser({ userId: alice.userId }, viaSidecar()))).toEqual({
      code: status.UNAUTHENTICATED,
      reason: ['Auth.MissingToken'],
    });
    expect(await failure(getUser({ userId: alice.userId }, viaSidecar(tamper(alice.accessToken))))).toEqual({
      code: status.UNAUTHENTICATED,
      reason: ['Auth.InvalidToken'],
    });
  });

  it('GetUser of oneself shows the e-mail address', async () => {
    const res = await getUser({ userId: alice.userId }, viaSidecar(alice.accessToken));
    expect(res.user).toMatchObject({
      userId: alice.userId,
      tenantId: tenantA,
      email: 'alice@example.com',
      roles: [],
      admin: false,
    });
  });

  it('GetUser of another user of the tenant hides the e-mail address (caller is not an admin)', async () => {
    const res = await getUser({ userId: carolId }, viaSidecar(alice.accessToken));
    expect(res.user).toMatchObject({ userId: carolId, tenantId: tenantA, email: '' });
  });

  it("GetUser of another tenant's user, or of a malformed id, is NOT_FOUND", async () => {
    for (const userId of [bobId, 'not-a-uuid']) {
      expect(await failure(getUser({ userId }, viaSidecar(alice.accessToken)))).toEqual({
        code: status.NOT_FOUND,
        reason: ['Identity.UserNotFound'],
      });
    }
  });
});
