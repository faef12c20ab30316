import { credentials, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PingServiceClient, type WhoAmIResponse } from '@shopstream/proto/platform/v1/ping_service.js';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@shopstream/service-defaults/auth';
import { issueAccessToken, openSigningKeyStore } from '@shopstream/identity';
import { daprApiToken, eventually, invoke, portsOf } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';

/**
 * A protected gRPC method on another app: skeleton-callee's WhoAmI verifies identity's access tokens
 * locally (service-defaults `createSidecarTokenVerifier`: JWKS from identity-sessions through the
 * sidecar, cached). The full flow: sign up → sign in → WhoAmI → refresh → WhoAmI → sign out; then the
 * rejections, and a key rotation that logs nobody out.
 */

function whoAmI(tenantId: string, authorization?: string): Promise<WhoAmIResponse> {
  const md = new Metadata();
  md.set('dapr-app-id', 'skeleton-callee');
  md.set('dapr-api-token', daprApiToken);
  if (authorization !== undefined) md.set('authorization', authorization);
  const client = new PingServiceClient(
    `127.0.0.1:${portsOf('skeleton-caller').daprGrpc}`,
    credentials.createInsecure(),
  );
  return new Promise((resolve, reject) => {
    client.whoAmI({ tenantId }, md, { deadline: Date.now() + 5000 }, (err: ServiceError | null, res) => {
      client.close();
      if (err) reject(err);
      else resolve(res);
    });
  });
}

async function rejection(promise: Promise<unknown>): Promise<[number, string]> {
  try {
    await promise;
  } catch (error) {
    const err = error as ServiceError;
    return [err.code, String(err.metadata.get('x-error-code')[0] ?? '')];
  }
  throw new Error('expected the call to fail');
}

describe('a protected gRPC method on a non-identity app (tokens verified locally against the JWKS)', () => {
  let pool: Pool;
  let tenantId = '';
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    pool = identityDatabasePool('identity-protected-call-test');
    tenantId = await createTestTenant(pool, 'guard');
  });
  afterAll(async () => pool?.end());

  it('sign up → sign in → WhoAmI → refresh → WhoAmI → sign out', async () => {
    const user = await signedInUser(pool, tenantId, { roles: ['catalog.admin:eu-west'] });
    expect(await whoAmI(tenantId, bearer(user.accessToken))).toEqual({
      userId: user.userId,
      tenantId,
      roles: ['catalog.admin:eu-west'],
      admin: false,
      sessionId: user.sessionId,
    });
    const auth = (path: string, body: unknown) =>
      invoke<{ accessToken: string }>('skeleton-caller', 'identity-sessions', `auth/${path}`, body, {
        'x-tenant-id': tenantId,
      });
    const refreshed = await auth('refresh', { refreshToken: user.refreshToken });
    expect(refreshed.status).toBe(200);
    expect((await whoAmI(tenantId, bearer(refreshed.body.accessToken))).userId).toBe(user.userId);
    expect((await auth('sign-out', { refreshToken: user.refreshToken })).status).toBe(204);
  });

  it('rejects missing, tampered, foreign-tenant and malformed credentials with the right status', async () => {
    const user = await signedInUser(pool, tenantId);
    const other = await createTestTenant(pool, 'guard-other');
    const [head, payload, signature = ''] = user.accessToken.split('.');
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expect(await rejection(whoAmI(tenantId))).toEqual([status.UNAUTHENTICATED, 'Auth.MissingToken']);
    expect(await rejection(whoAmI(tenantId, bearer(`${head}.${payload}.${flipped}`)))).toEqual([
      status.UNAUTHENTICATED,
      'Auth.InvalidToken',
    ]);
    expect(await rejection(whoAmI(tenantId, `Basic ${user.accessToken}`))).toEqual([
      status.UNAUTHENTICATED,
      'Auth.InvalidToken',
    ]);
    expect(await rejection(whoAmI(other, bearer(user.accessToken)))).toEqual([
      status.PERMISSION_DENIED,
      'Auth.WrongTenant',
    ]);
    expect(await rejection(whoAmI('', bearer(user.accessToken)))).toEqual([
      status.INVALID_ARGUMENT,
      'Platform.InvalidTenant',
    ]);
  });

  it('rotates the signing key without logging anyone out; the new key is picked up by kid', async () => {
    const before = await signedInUser(pool, tenantId);
    expect((await whoAmI(tenantId, bearer(before.accessToken))).userId).toBe(before.userId);

    const store = await openSigningKeyStore(pool);
    const oldKid = store.keyRing().current.kid;
    const ring = await store.rotate({ now: Date.now(), retainMs: 3_600_000 });
    // The JWKS route re-reads the stored ring at most once a second: published within about a second.
    const published = await eventually(
      () =>
        invoke<{ keys: { kid: string }[] }>('skeleton-caller', 'identity-sessions', '.well-known/jwks.json'),
      (res) => res.body.keys.length === 2,
      5_000,
      'the JWKS to publish the rotated-in key',
    );
    expect(published.body.keys.map((k) => k.kid)).toEqual([ring.current.kid, oldKid]);

    // A token of the old key still works; one of the new key works once the verifier refetches on the
    // unknown kid (at most one JWKS fetch per 10 s per process).
    expect((await whoAmI(tenantId, bearer(before.accessToken))).userId).toBe(before.userId);
    const { token } = await issueAccessToken(ring, {
      principal: { userId: before.userId, tenantId, roles: [], admin: false },
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    const answer = await eventually(
      () => whoAmI(tenantId, bearer(token)),
      (res) => res.userId === before.userId,
      15_000,
      'the callee to accept a token of the rotated-in key',
    );
    expect(answer.userId).toBe(before.userId);
  });
});
