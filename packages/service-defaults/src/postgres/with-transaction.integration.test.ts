import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@shopstream/testing/database';
import { withTransaction } from './with-transaction.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

describe('withTransaction when the server ends the connection mid-transaction (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;
  let admin: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = db.pool({ max: 2 });
    admin = db.pool({ max: 1 });
    await pool.query('CREATE TABLE marks (n int PRIMARY KEY)');
  });
  afterAll(async () => {
    await admin?.end();
    await db?.drop();
  });

  it('rejects, writes nothing, keeps the process alive and the pool usable', async () => {
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const attempt = withTransaction(pool, async (client) => {
        await client.query('INSERT INTO marks VALUES (1)');
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // The connection is ended by the server while this transaction waits between two queries (a
        // slow call elsewhere, as payments' Stripe call under its order lock).
        await admin.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
        await sleep(300);
        await client.query('INSERT INTO marks VALUES (2)');
      });
      await expect(attempt).rejects.toThrow();
      await sleep(100);
      expect(uncaught).toEqual([]);
      // The broken connection was destroyed, not handed out again: the pool still answers, nothing was written.
      const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM marks');
      expect(rows[0]?.n).toBe(0);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
