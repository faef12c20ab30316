import type { DomainError } from '@shopstream/service-defaults';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';
import { changePassword } from './change-password.js';
import { getUser } from './get-user.js';
import { refresh } from './refresh.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { signOutEverywhere } from './sign-out-everywhere.js';
import { signUp } from './sign-up.js';

const PASSWORD = 'correct horse battery staple';
const ip = '198.51.100.1';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as DomainError).code;
  }
  throw new Error('expected a rejection');
}

describe('sessions: sign up, sign in, refresh, reuse, sign out (real Postgres + Redis)', () => {
  let kit: IdentityTestKit;
  let tenantId: string;
  let userId: string;
  const email = 'ada@example.com';

  beforeAll(async () => {
    // Generous windows: this file signs the same account in many times; lockout has its own test file.
    kit = await createIdentityTestKit({ throttle: { ipLimit: 1000, accountLimit: 1000 } });
    tenantId = await kit.newTenant('flow');
    ({ userId } = await signUp(kit.deps, { tenantId, email, password: PASSWORD }));
  });
  afterAll(async () => kit?.close());

  const familyRow = async (familyId: string) =>
    kit.deps.store.inTenant(tenantId, (tx) => tx.refreshFamilies.find(familyId));
  const familyIdOf = (token: string) => token.slice(0, 22);
  const login = (label?: string) =>
    signIn(
      kit.deps,
      { tenantId, email, password: PASSWORD },
      { ip, ...(label ? { deviceLabel: label } : {}) },
    );

  it('signs in with a verifiable access token, rotates, and revokes the family when an old token is replayed', async () => {
    const session = await login('laptop');
    const principal = await kit.verifier.verify(session.accessToken, { expectedTenant: tenantId });
    expect(principal).toMatchObject({ userId, tenantId, sessionId: session.sessionId, admin: false });
    expect(principal.roles).toEqual([]);

    const first = session.refreshToken;
    const second = await refresh(kit.deps, { tenantId, refreshToken: first });
    expect(second.refreshToken).not.toBe(first);
    expect(second.sessionId).toBe(session.sessionId);
    expect((await kit.verifier.verify(second.accessToken)).userId).toBe(userId);

    // Within the grace window the previous token gets exactly the same successor, nothing changes.
    kit.clock.advance(2_000);
    const again = await refresh(kit.deps, { tenantId, refreshToken: first });
    expect(again.refreshToken).toBe(second.refreshToken);
    expect((await familyRow(familyIdOf(first)))?.generation).toBe(1);

    // After it, the old token is reuse: the family is revoked, and the current token dies with it.
    kit.clock.advance(10_001);
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: first }))).toBe('Identity.RefreshReused');
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: second.refreshToken }))).toBe(
      'Identity.InvalidRefreshToken',
    );
    expect(await familyRow(familyIdOf(first))).toMatchObject({
      revoked: true,
      revokedReason: 'reuse-detected',
      generation: 1,
    });
  });

  it('answers a concurrent double refresh (two tabs) with one successor, not a fork', async () => {
    const session = await login();
    // Warm pool connections (SCRAM handshakes would otherwise serialise the racers).
    await Promise.all(Array.from({ length: 5 }, () => kit.pool.query('SELECT pg_sleep(0.05)')));
    const results = await Promise.all(
      Array.from({ length: 4 }, () => refresh(kit.deps, { tenantId, refreshToken: session.refreshToken })),
    );
    expect(new Set(results.map((r) => r.refreshToken)).size).toBe(1);
    const stored = await familyRow(familyIdOf(session.refreshToken));
    expect(stored).toMatchObject({ generation: 1, revoked: false });
  });

  it('compareAndSet: a stale generation loses, and a revoked family is never resurrected', async () => {
    const session = await login();
    const familyId = familyIdOf(session.refreshToken);
    const before = await familyRow(familyId);
    if (before === undefined) throw new Error('family missing');
    const decided = { ...before, generation: 1, lastUsedAt: before.lastUsedAt + 1 };
    const cas = (expected: number) =>
      kit.deps.store.inTenant(tenantId, (tx) =>
        tx.refreshFamilies.compareAndSet(familyId, expected, decided),
      );
    expect(await cas(1)).toBe(false); // stale expectation
    // A rotation decided before a concurrent sign-out must not overwrite the revocation.
    expect(await signOut(kit.deps, { tenantId, refreshToken: session.refreshToken })).toEqual({
      signedOut: true,
    });
    expect(await cas(0)).toBe(false);
    expect(await familyRow(familyId)).toMatchObject({
      revoked: true,
      revokedReason: 'sign-out',
      generation: 0,
    });
  });

  it('refuses malformed, forged and foreign-tenant refresh tokens without changing anything', async () => {
    const session = await login();
    const forged = `${familyIdOf(session.refreshToken)}.${'A'.repeat(42)}A`;
    for (const refreshToken of ['', 'x'.repeat(66), forged, 42, undefined]) {
      expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken }))).toBe(
        'Identity.InvalidRefreshToken',
      );
    }
    const otherTenant = await kit.newTenant('elsewhere');
    expect(
      await codeOf(refresh(kit.deps, { tenantId: otherTenant, refreshToken: session.refreshToken })),
    ).toBe('Identity.InvalidRefreshToken');
    expect(await familyRow(familyIdOf(session.refreshToken))).toMatchObject({
      generation: 0,
      revoked: false,
    });
  });

  it('signs out one session only, and only with a token of that family', async () => {
    const a = await login('a');
    const b = await login('b');
    expect(
      await signOut(kit.deps, { tenantId, refreshToken: `${familyIdOf(a.refreshToken)}.${'B'.repeat(43)}` }),
    ).toEqual({ signedOut: false });
    expect(await signOut(kit.deps, { tenantId, refreshToken: a.refreshToken })).toEqual({ signedOut: true });
    expect(await signOut(kit.deps, { tenantId, refreshToken: a.refreshToken })).toEqual({ signedOut: false });
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: a.refreshToken }))).toBe(
      'Identity.InvalidRefreshToken',
    );
    expect((await refresh(kit.deps, { tenantId, refreshToken: b.refreshToken })).sessionId).toBe(b.sessionId);
  });

  it('signs out everywhere: every family of the user is revoked', async () => {
    const sessions = await Promise.all([login('phone'), login('tablet'), login('desktop')]);
    const rotated = await refresh(kit.deps, { tenantId, refreshToken: sessions[0].refreshToken });
    const { revokedSessions } = await signOutEverywhere(kit.deps, { tenantId, userId });
    expect(revokedSessions).toBeGreaterThanOrEqual(3);
    for (const token of [rotated.refreshToken, ...sessions.slice(1).map((s) => s.refreshToken)]) {
      expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: token }))).toBe(
        'Identity.InvalidRefreshToken',
      );
    }
    const live = await kit.deps.store.inTenant(tenantId, (tx) =>
      tx.refreshFamilies.listLive(userId, kit.clock.now()),
    );
    expect(live).toEqual([]);
    const reasons = await kit.deps.store.inTenant(tenantId, async (tx) =>
      Promise.all(
        sessions
          .slice(1)
          .map(async (s) => (await tx.refreshFamilies.find(familyIdOf(s.refreshToken)))?.revokedReason),
      ),
    );
    expect(reasons).toEqual(['sign-out-everywhere', 'sign-out-everywhere']);
  });

  it('changes the password: checks the old one and the policy, keeps this session, ends the others', async () => {
    const keep = await login('keep');
    const other = await login('other');
    const base = { tenantId, userId, sessionId: keep.sessionId };
    expect(
      await codeOf(
        changePassword(
          kit.deps,
          { ...base, currentPassword: 'wrong password!', newPassword: 'a fresh passphrase' },
          { ip },
        ),
      ),
    ).toBe('Identity.InvalidCredentials');
    expect(
      await codeOf(
        changePassword(kit.deps, { ...base, currentPassword: PASSWORD, newPassword: 'password' }, { ip }),
      ),
    ).toBe('Identity.WeakPassword');
    expect(
      await codeOf(
        changePassword(kit.deps, { ...base, currentPassword: PASSWORD, newPassword: email }, { ip }),
      ),
    ).toBe('Identity.WeakPassword');

    const result = await changePassword(
      kit.deps,
      { ...base, currentPassword: PASSWORD, newPassword: 'a fresh passphrase' },
      { ip },
    );
    expect(result.revokedSessions).toBeGreaterThanOrEqual(1);
    expect(await codeOf(refresh(kit.deps, { tenantId, refreshToken: other.refreshToken }))).toBe(
      'Identity.InvalidRefreshToken',
    );
    expect((await refresh(kit.deps, { tenantId, refreshToken: keep.refreshToken })).sessionId).toBe(
      keep.sessionId,
    );
    expect(await codeOf(login())).toBe('Identity.InvalidCredentials');
    const fresh = await signIn(kit.deps, { tenantId, email, password: 'a fresh passphrase' }, { ip });
    expect(fresh.userId).toBe(userId);
  });

  it('answers an unknown email exactly like a wrong password', async () => {
    expect(
      await codeOf(signIn(kit.deps, { tenantId, email: 'nobody@example.com', password: PASSWORD }, { ip })),
    ).toBe('Identity.InvalidCredentials');
    expect(await codeOf(signIn(kit.deps, { tenantId, email, password: 'not the password' }, { ip }))).toBe(
      'Identity.InvalidCredentials',
    );
  });

  it('gets the user of the tenant, and nothing for bad ids or other tenants', async () => {
    const user = await getUser(kit.deps, { tenantId, userId });
    expect(user).toMatchObject({ id: userId, tenantId, email, roles: [], admin: false });
    expect(await codeOf(getUser(kit.deps, { tenantId, userId: "1' OR '1'='1" }))).toBe(
      'Identity.UserNotFound',
    );
    expect(await codeOf(getUser(kit.deps, { tenantId, userId: crypto.randomUUID() }))).toBe(
      'Identity.UserNotFound',
    );
    const other = await kit.newTenant('other');
    expect(await codeOf(getUser(kit.deps, { tenantId: other, userId }))).toBe('Identity.UserNotFound');
  });
});
