import { Client, type Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { devCredentials } from '../../../../tools/stack/layout.js';
import { ports } from '@shopstream/testing/ports';
import { runMigrations } from './run-migrations.js';
import { createTestDatabase, silentLogger, type TestDatabase } from '@shopstream/testing/database';
import { withTenant } from './with-tenant.js';

/** The pattern every tenant table uses (packages/service-defaults/README.md, "Postgres"). */
const productsTable = `CREATE TABLE products (
  tenant_id text NOT NULL DEFAULT current_setting('app.tenant_id'),
  id        int  NOT NULL,
  title     text NOT NULL,
  PRIMARY KEY (tenant_id, id)
);
ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE products FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products
  USING (tenant_id = current_setting('app.tenant_id'))
  WITH CHECK (tenant_id = current_setting('app.tenant_id'));`;

describe('tenant row-level security (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = db.pool({ max: 1 }); // one connection: a leaked tenant setting would show
    await runMigrations(pool, {
      logger: silentLogger,
      extraMigrations: [{ file: '0001_products.sql', sql: productsTable }],
    });
    await withTenant(pool, 'tenant-a', (c) =>
      c.query("INSERT INTO products (id, title) VALUES (1, 'a1'), (2, 'a2')"),
    );
    await withTenant(pool, 'tenant-b', (c) => c.query("INSERT INTO products (id, title) VALUES (1, 'b1')"));
  });
  afterAll(async () => db?.drop());

  const titles = (tenant: string) =>
    withTenant(pool, tenant, async (c) =>
      (await c.query<{ title: string }>('SELECT title FROM products ORDER BY title')).rows.map(
        (r) => r.title,
      ),
    );

  it('lets a tenant read only its own rows', async () => {
    expect(await titles('tenant-a')).toEqual(['a1', 'a2']);
    expect(await titles('tenant-b')).toEqual(['b1']);
    expect(await titles('tenant-c')).toEqual([]);
  });

  it("refuses to write a row into another tenant, and cannot touch the other tenant's rows", async () => {
    await expect(
      withTenant(pool, 'tenant-a', (c) => c.query("INSERT INTO products VALUES ('tenant-b', 9, 'sneaky')")),
    ).rejects.toThrow(/row-level security/);
    const touched = await withTenant(pool, 'tenant-a', async (c) => {
      const updated = await c.query("UPDATE products SET title = 'owned' WHERE tenant_id = 'tenant-b'");
      const deleted = await c.query("DELETE FROM products WHERE tenant_id = 'tenant-b'");
      return [updated.rowCount, deleted.rowCount];
    });
    expect(touched).toEqual([0, 0]);
    await expect(
      withTenant(pool, 'tenant-a', (c) => c.query("UPDATE products SET tenant_id = 'tenant-b' WHERE id = 1")),
    ).rejects.toThrow(/row-level security/);
    expect(await titles('tenant-b')).toEqual(['b1']);
  });

  it('does not leak the tenant to the next user of the pooled connection', async () => {
    await titles('tenant-a');
    const { rows } = await pool.query<{ n: number; setting: string }>(
      "SELECT count(*)::int AS n, current_setting('app.tenant_id') AS setting FROM products",
    );
    expect(rows[0]).toEqual({ n: 0, setting: '' });
  });

  it('rejects an invalid tenant id before touching the database', async () => {
    let called = false;
    await expect(
      withTenant(pool, "tenant-a' OR '1'='1", () => {
        called = true;
        return Promise.resolve();
      }),
    ).rejects.toMatchObject({ code: 'Tenant.Invalid' });
    expect(called).toBe(false);
  });

  it('holds in plain SQL as the app role: no setting fails closed, a setting filters', async () => {
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      await expect(client.query('SELECT * FROM products')).rejects.toThrow(
        /unrecognized configuration parameter/,
      );
      await client.query("SELECT set_config('app.tenant_id', 'tenant-b', false)");
      expect((await client.query('SELECT tenant_id, title FROM products')).rows).toEqual([
        { tenant_id: 'tenant-b', title: 'b1' },
      ]);
      const flags = await client.query(
        "SELECT relrowsecurity, relforcerowsecurity, pg_get_userbyid(relowner) = current_user AS owner FROM pg_class WHERE relname = 'products'",
      );
      // The app role owns the table, so only FORCE makes the policy apply to it.
      expect(flags.rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true, owner: true });
      const role = await client.query(
        'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
      );
      expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    } finally {
      await client.end();
    }
  });

  it('is bypassed by the superuser only (which apps never use)', async () => {
    const admin = new Client({
      host: '127.0.0.1',
      port: ports.postgres,
      user: devCredentials.postgresUser,
      password: devCredentials.postgresPassword,
      database: db.name,
    });
    await admin.connect();
    try {
      expect((await admin.query('SELECT count(*)::int AS n FROM products')).rows[0]).toEqual({ n: 3 });
    } finally {
      await admin.end();
    }
  });
});
