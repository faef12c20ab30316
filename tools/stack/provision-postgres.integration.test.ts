import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ports } from './ports.js';
import { appDatabaseUrl, dropAppDatabase, provisionAppDatabases } from './provision-postgres.js';

const a = `t_${randomBytes(5).toString('hex')}`;
const b = `t_${randomBytes(5).toString('hex')}`;

async function asRole(role: string, database: string) {
  const client = new Client({
    connectionString: appDatabaseUrl(role, ports.postgres).replace(/\/[^/]+$/, `/${database}`),
  });
  await client.connect();
  return client;
}

describe('provisionAppDatabases (real Postgres)', () => {
  afterAll(async () => {
    await dropAppDatabase(a);
    await dropAppDatabase(b);
  });

  it('creates a least-privilege role owning its database, idempotently', async () => {
    await provisionAppDatabases([a, b]);
    await provisionAppDatabases([a, b]); // a second start changes nothing
    const client = await asRole(a, a);
    try {
      const { rows } = await client.query(
        `SELECT r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls, r.rolreplication,
                pg_get_userbyid(d.datdba) = current_user AS owns_db
         FROM pg_roles r, pg_database d WHERE r.rolname = current_user AND d.datname = current_database()`,
      );
      expect(rows[0]).toEqual({
        rolsuper: false,
        rolcreatedb: false,
        rolcreaterole: false,
        rolbypassrls: false,
        rolreplication: false,
        owns_db: true,
      });
      await client.query('CREATE TABLE t (id int)'); // it can build its own schema
    } finally {
      await client.end();
    }
  });

  it("keeps a service out of another service's database", async () => {
    await expect(asRole(a, b)).rejects.toThrow(/permission denied for database/);
  });
});
