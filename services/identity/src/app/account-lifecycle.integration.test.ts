import type { DomainError } from '@shopstream/service-defaults';
import { withTenant } from '@shopstream/service-defaults/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';
import { deleteAccount, USER_DELETED_TYPE } from './delete-account.js';
import { getUser } from './get-user.js';
import { refresh } from './refresh.js';
import { setUserRoles } from './set-user-roles.js';
import { signIn } from './sign-in.js';
import { signOutSession } from './sign-out-session.js';
import { signUp } from './sign-up.js';

const PASSWORD = 'correct horse battery staple';
const ip = '198.51.100.7';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as DomainError).code;
  }
  throw new Error('expected a rejection');
}

describe('account lifecycle: roles, signing out one session, deletion (real Postgres + Redis)', () => {
  let kit: IdentityTestKit;
  let tenantId: string;

  beforeAll(async () => {
    kit = await createIdentityTestKit({ throttle: { ipLimit: 1000, accountLimit: 1000 } });
    tenantId = await kit.newTenant('life');
  });
  afterAll(async () => kit?.close());

  const newUser = async (email: string) => {
    const { userId } = await signUp(kit.deps, { tenantId, email, password: PASSWORD });
    return userId;
  };
  const login = (email: string, password = PASSWORD) =>
    signIn(kit.deps, { tenantId, email, password }, { ip });

  it('puts roles and the admin flag into the next access token, and refuses malformed roles', async () => {
    const userId = await newUser('roles@example.com');
    await setUserRoles(kit.deps, {
      tenantId,
      userId,
      roles: ['catalog.admin:eu-west', 'catalog.admin:eu-west'],
      admin: true,
    });
    const principal = await kit.verifier.verify((await login('roles@example.com')).accessToken);
    expect(principal).toMatchObject({ userId, roles: ['catalog.admin:eu-west'], admin: true });

    for (const roles of [['Catalog Admin'], ['<script>'], ['x'.repeat(65)], [42]]) {
      expect(await codeOf(setUserRoles(kit.deps, { tenantId, userId, roles, admin: false }))).toBe(
        'Identity.InvalidRoles',
      );
    }
    const otherTenant = await kit.newTenant('life-other');
    expect(
      await codeOf(setUserRoles(kit.deps, { tenantId: otherTenant, userId, roles: [], admin: true })),
    ).toBe('Identity.UserNotFound');
    expect((await getUser(kit.deps, { tenantId, userId })).admin).toBe(true);
  });

  it('signs out one chosen session and leaves the others signed in', async () => {
    const email = 'two-devices@example.com';
    const userId = await newUser(email);
    const laptop = await login(email);
    const phone = await login(email);

    await signOutSession(kit.deps, { tenantId, userId, sessionId: phone.sessionId });
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: phone.refreshToken }))).toBe(
      'Identity.InvalidRefreshToken',
    );
    expect((await refresh(kit.deps, { tenantId, refreshToken: laptop.refreshToken })).sessionId).toBe(
      laptop.sessionId,
    );
    // Ended, unknown, another user's, malformed: no information beyond "not found" / "invalid".
    expect(await codeOf(signOutSession(kit.deps, { tenantId, userId, sessionId: phone.sessionId }))).toBe(
      'Identity.SessionNotFound',
    );
    const stranger = await newUser('stranger@example.com');
    expect(
      await codeOf(signOutSession(kit.deps, { tenantId, userId: stranger, sessionId: laptop.sessionId })),
    ).toBe('Identity.SessionNotFound');
    expect(await codeOf(signOutSession(kit.deps, { tenantId, userId, sessionId: "' OR 1=1 --" }))).toBe(
      'Identity.InvalidSessionId',
    );
  });

  it('deletes an account: wrong password changes nothing; then sessions end, PII is gone, one UserDeleted', async () => {
    const email = 'leaving@example.com';
    const userId = await newUser(email);
    const session = await login(email);

    expect(
      await codeOf(deleteAccount(kit.deps, { tenantId, userId, password: 'not my password' }, { ip })),
    ).toBe('Identity.InvalidCredentials');
    expect((await getUser(kit.deps, { tenantId, userId })).id).toBe(userId);

    const { revokedSessions } = await deleteAccount(
      kit.deps,
      { tenantId, userId, password: PASSWORD },
      { ip },
    );
    expect(revokedSessions).toBe(1);
    expect(await codeOf(getUser(kit.deps, { tenantId, userId }))).toBe('Identity.UserNotFound');
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: session.refreshToken }))).toBe(
      'Identity.InvalidRefreshToken',
    );
    expect(await codeOf(login(email))).toBe('Identity.InvalidCredentials');
    expect(await codeOf(deleteAccount(kit.deps, { tenantId, userId, password: PASSWORD }, { ip }))).toBe(
      'Identity.UserNotFound',
    );

    // The tombstone keeps no personal data; the outbox holds exactly one UserDeleted without the email.
    const tombstone = await withTenant(
      kit.pool,
      tenantId,
      async (c) =>
        (
          await c.query<{ email: string; roles: string[]; admin: boolean; deleted_at: Date }>(
            'SELECT email, roles, admin, deleted_at FROM users WHERE id = $1',
            [userId],
          )
        ).rows,
    );
    expect(tombstone).toEqual([
      { email: `${userId}@deleted.invalid`, roles: [], admin: false, deleted_at: expect.any(Date) as Date },
    ]);
    const events = await kit.pool.query<{ type: string; payload: unknown }>(
      'SELECT type, payload FROM outbox WHERE tenant_id = $1 AND subject = $2 AND type = $3',
      [tenantId, userId, USER_DELETED_TYPE],
    );
    expect(events.rows).toHaveLength(1);
    expect(JSON.stringify(events.rows[0]?.payload)).not.toContain('leaving');

    // The address is free again.
    expect(await newUser(email)).not.toBe(userId);
  });
});
