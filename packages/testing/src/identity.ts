import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createIdentityStore, setUserRoles } from '@shopstream/identity';
import { identityDatabasePool } from '../../../tools/stack/identity-database.js';
import { invoke } from './stack.js';

export { identityDatabasePool };

/** A fresh tenant id with `prefix`, registered in identity (sign-up refuses unknown tenants). */
export async function createTestTenant(pool: Pool, prefix: string): Promise<string> {
  const tenantId = `${prefix}-${randomBytes(4).toString('hex')}`;
  await createIdentityStore(pool).inTenant(tenantId, (tx) => tx.tenants.create(tenantId));
  return tenantId;
}

export interface SignedInUser {
  readonly tenantId: string;
  readonly userId: string;
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly sessionId: string;
}

/**
 * A real account of `tenantId` with `roles` (and the admin flag), signed in through identity-sessions via
 * skeleton-caller's sidecar, so the access token is signed by the running identity with the claims set
 * here. Roles are set with identity's own use case (as the `identity:roles` command does).
 */
export async function signedInUser(
  pool: Pool,
  tenantId: string,
  options: { readonly roles?: readonly string[]; readonly admin?: boolean; readonly fromApp?: string } = {},
): Promise<SignedInUser> {
  const email = `user-${randomBytes(5).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(12).toString('hex')}`;
  const call = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await invoke<T>(options.fromApp ?? 'skeleton-caller', 'identity-sessions', path, body, {
      'x-tenant-id': tenantId,
    });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const { userId } = await call<{ userId: string }>('auth/sign-up', { email, password });
  await setUserRoles(
    { store: createIdentityStore(pool) },
    { tenantId, userId, roles: [...(options.roles ?? [])], admin: options.admin ?? false },
  );
  const tokens = await call<{ accessToken: string; refreshToken: string; sessionId: string }>(
    'auth/sign-in',
    { email, password, device: 'integration test' },
  );
  return { tenantId, userId, ...tokens };
}

/** Access tokens of fresh users of `tenantId`, one per entry of `users` (roles / admin flag), in order. */
export async function signedInTokens(
  pool: Pool,
  tenantId: string,
  users: readonly { readonly roles?: readonly string[]; readonly admin?: boolean }[],
): Promise<string[]> {
  return Promise.all(users.map(async (options) => (await signedInUser(pool, tenantId, options)).accessToken));
}
