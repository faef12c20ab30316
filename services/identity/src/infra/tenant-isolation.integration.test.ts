import { withTenant } from '@shopstream/service-defaults/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../app/sign-in.js';
import { signUp } from '../app/sign-up.js';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';

const PASSWORD = 'a long enough passphrase';
const TENANT_TABLES = ['tenants', 'users', 'credentials', 'refresh_families'];

describe('tenant isolation (repositories and row-level security, real Postgres)', () => {
  let kit: IdentityTestKit;
  let tenantA: string;
  let tenantB: string;
  let userA: string;
  let familyA: string;
  const email = 'shared@example.com';

  beforeAll(async () => {
    kit = await createIdentityTestKit();
    tenantA = await kit.newTenant('a');
    tenantB = await kit.newTenant('b');
    ({ userId: userA } = await signUp(kit.deps, { tenantId: tenantA, email, password: PASSWORD }));
    familyA = (
      await signIn(kit.deps, { tenantId: tenantA, email, password: PASSWORD }, { ip: '192.0.2.1' })
    ).refreshToken.slice(0, 22);
  });
  afterAll(async () => kit?.close());

  it("hides tenant A's user, credential and sessions from tenant B's repositories", async () => {
    const seenFromB = await kit.deps.store.inTenant(tenantB, async (tx) => ({
      byId: await tx.users.findById(userA),
      byEmail: await tx.users.findByEmail(email),
      credential: await tx.credentials.find(userA),
      family: await tx.refreshFamilies.find(familyA),
      live: await tx.refreshFamilies.listLive(userA, kit.clock.now()),
      revoked: await tx.refreshFamilies.revokeAllOfUser(userA, 'sign-out-everywhere', kit.clock.now()),
      updated: await tx.credentials.update({ userId: userA, passwordHash: '$argon2id$x', updatedAt: 0 }),
    }));
    expect(seenFromB).toEqual({
      byId: undefined,
      byEmail: undefined,
      credential: undefined,
      family: undefined,
      live: [],
      revoked: [],
      updated: false,
    });
    // …and nothing in A changed.
    const inA = await kit.deps.store.inTenant(tenantA, async (tx) => ({
      user: await tx.users.findById(userA),
      live: await tx.refreshFamilies.listLive(userA, kit.clock.now()),
      credential: await tx.credentials.find(userA),
    }));
    expect(inA.user?.id).toBe(userA);
    expect(inA.live).toEqual([familyA]);
    expect(inA.credential?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=1024/);
  });

  it('lets the same email sign up in another tenant (uniqueness is per tenant)', async () => {
    const { userId } = await signUp(kit.deps, { tenantId: tenantB, email, password: PASSWORD });
    expect(userId).not.toBe(userA);
  });

  it('enforces it in SQL: FORCE RLS on every tenant table, the app role cannot bypass it', async () => {
    const role = await kit.pool.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const tables = await kit.pool.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      'SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = ANY($1) ORDER BY relname',
      [TENANT_TABLES],
    );
    expect(tables.rows).toEqual(
      [...TENANT_TABLES]
        .sort()
        .map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })),
    );

    const countIn = (tenant: string, table: string) =>
      withTenant(kit.pool, tenant, async (c) =>
        Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n),
      );
    expect(await countIn(tenantA, 'users')).toBe(1);
    expect(await countIn(tenantB, 'users')).toBe(1);
    expect(await countIn(tenantB, 'refresh_families')).toBe(0);
    expect(await countIn('tenant-c', 'users')).toBe(0);

    // Writing into, or touching, another tenant's rows.
    await expect(
      withTenant(kit.pool, tenantB, (c) =>
        c.query("INSERT INTO users (tenant_id, id, email) VALUES ($1, gen_random_uuid(), 'x@example.com')", [
          tenantA,
        ]),
      ),
    ).rejects.toThrow(/row-level security/);
    const touched = await withTenant(kit.pool, tenantB, async (c) => [
      (await c.query('UPDATE users SET admin = true WHERE tenant_id = $1', [tenantA])).rowCount,
      (await c.query('DELETE FROM credentials WHERE user_id = $1', [userA])).rowCount,
      (await c.query('UPDATE refresh_families SET revoked = true WHERE family_id = $1', [familyA])).rowCount,
    ]);
    expect(touched).toEqual([0, 0, 0]);

    // Outside withTenant (no app.tenant_id on a fresh connection) nothing is visible: RLS fails closed.
    const client = await kit.pool.connect();
    try {
      const outside = await client.query('SELECT id FROM users').then(
        (r) => r.rowCount,
        (e: Error) => e.message,
      );
      expect(outside === 0 || /app\.tenant_id/.test(String(outside))).toBe(true);
    } finally {
      client.release();
    }
  });
});
