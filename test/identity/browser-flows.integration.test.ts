import { randomBytes } from 'node:crypto';
import { credentials, Metadata, type ServiceError } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  IdentityServiceClient,
  type GetUserResponse,
} from '@shopstream/proto/identity/v1/identity_service.js';
import { daprApiToken, invoke, portsOf } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';

/**
 * The browser flows (`/auth/*` JSON routes of `identity-sessions`) through the sidecars, as the web BFF
 * calls them: sign up → sign in (SessionActor.open) → a protected gRPC call on `identity` → refresh →
 * reuse detection (family and actor session end) → sign out. Two sign-ins in all (argon2id at OWASP
 * parameters, and far below the throttle's windows).
 */

const PASSWORD = 'correct horse battery staple 42';

interface Tokens {
  accessToken: string;
  refreshToken: string;
  sessionId: string;
  expiresAt: number;
}
interface Problem {
  status: number;
  code: string;
  errors?: { field: string; detail: string }[];
}
interface SessionList {
  sessions: { sessionId: string; device: string; current: boolean }[];
}

function getUser(userId: string, accessToken: string): Promise<GetUserResponse> {
  const md = new Metadata();
  md.set('dapr-app-id', 'identity');
  md.set('dapr-api-token', daprApiToken);
  md.set('authorization', `Bearer ${accessToken}`);
  const client = new IdentityServiceClient(
    `127.0.0.1:${portsOf('skeleton-caller').daprGrpc}`,
    credentials.createInsecure(),
  );
  return new Promise((resolve, reject) => {
    client.getUser({ userId }, md, { deadline: Date.now() + 5000 }, (err: ServiceError | null, res) => {
      client.close();
      if (err) reject(err);
      else resolve(res);
    });
  });
}

describe('identity-sessions browser flows through the sidecars', () => {
  let pool: Pool;
  let tenantId = '';
  const email = `ada-${randomBytes(3).toString('hex')}@example.com`;
  const auth = <T>(path: string, body?: unknown, headers: Record<string, string> = {}) =>
    invoke<T>('skeleton-caller', 'identity-sessions', `auth/${path}`, body, {
      'x-tenant-id': tenantId,
      ...headers,
    });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    pool = identityDatabasePool('identity-browser-flows-test');
    tenantId = await createTestTenant(pool, 'web');
  });
  afterAll(async () => pool?.end());

  it('signs up, signs in, calls identity, refreshes, detects reuse, signs out', async () => {
    const signUp = await auth<{ userId: string }>('sign-up', { email, password: PASSWORD });
    expect(signUp.status).toBe(200);
    const { userId } = signUp.body;
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);

    const signIn = await auth<Tokens>('sign-in', { email, password: PASSWORD, device: 'Firefox on Linux' });
    expect(signIn.status).toBe(200);
    const first = signIn.body;
    expect(first.expiresAt).toBeGreaterThan(Date.now() / 1000);

    const listed = await auth<SessionList>('sessions', undefined, bearer(first.accessToken));
    expect(listed.status).toBe(200);
    expect(listed.body.sessions).toEqual([
      expect.objectContaining({ sessionId: first.sessionId, device: 'Firefox on Linux', current: true }),
    ]);

    // A protected gRPC method on the other identity app, with the access token from the browser flow.
    const user = await getUser(userId, first.accessToken);
    expect(user.user).toMatchObject({ userId, tenantId, email });

    // R1 → R2 → R3; R1 is then neither current nor the grace predecessor: replaying it is reuse.
    const second = await auth<Tokens>('refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.sessionId).toBe(first.sessionId);
    const third = await auth<Tokens>('refresh', { refreshToken: second.body.refreshToken });
    expect(third.status).toBe(200);

    const replay = await auth<Problem>('refresh', { refreshToken: first.refreshToken });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('Identity.RefreshReused');
    const afterReuse = await auth<Problem>('refresh', { refreshToken: third.body.refreshToken });
    expect(afterReuse.status).toBe(401);

    const gone = await auth<SessionList>('sessions', undefined, bearer(third.body.accessToken));
    expect(gone.status).toBe(200);
    expect(gone.body.sessions.map((s) => s.sessionId)).not.toContain(first.sessionId);

    // Sign in again, sign out: the refresh token is dead and the session is gone.
    const again = await auth<Tokens>('sign-in', { email, password: PASSWORD, device: 'Phone' });
    expect(again.status).toBe(200);
    const out = await auth('sign-out', { refreshToken: again.body.refreshToken });
    expect(out.status).toBe(204);
    const dead = await auth<Problem>('refresh', { refreshToken: again.body.refreshToken });
    expect(dead.status).toBe(401);
    const none = await auth<SessionList>('sessions', undefined, bearer(again.body.accessToken));
    expect(none.body.sessions.map((s) => s.sessionId)).not.toContain(again.body.sessionId);
  });

  it('answers malformed input with 400 problem+json naming the field, without state change', async () => {
    const wrongType = await auth<Problem>('sign-up', { email: 42, password: PASSWORD });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors?.map((e) => e.field)).toContain('email');

    const noDevice = await auth<Problem>('sign-in', { email, password: PASSWORD });
    expect(noDevice.status).toBe(400);
    expect(noDevice.body.errors?.map((e) => e.field)).toContain('device');

    const extra = await auth<Problem>('refresh', { refreshToken: 'x', admin: true });
    expect(extra.status).toBe(400);

    const noToken = await auth<Problem>('refresh', {});
    expect(noToken.status).toBe(400);
    expect(noToken.body.errors?.map((e) => e.field)).toContain('refreshToken');

    const noTenant = await invoke<Problem>('skeleton-caller', 'identity-sessions', 'auth/sign-up', {
      email,
      password: PASSWORD,
    });
    expect(noTenant.status).toBe(400);
    expect(noTenant.body.code).toBe('Identity.InvalidTenant');
    expect(noTenant.body.errors?.map((e) => e.field)).toContain('x-tenant-id');

    const noBearer = await auth<Problem>('sessions');
    expect(noBearer.status).toBe(401);
  });
});
