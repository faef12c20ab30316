import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/create-logger.js';
import { runMigrations } from './run-migrations.js';
import { createTestDatabase, silentLogger, type TestDatabase } from '@shopstream/testing/database';

const files: Record<string, string> = {
  '0001_create_items.sql': 'CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);',
  '0002_seed_items.sql': "INSERT INTO items VALUES (1, 'one'), (2, 'two');",
  '0003_add_price.sql': 'ALTER TABLE items ADD COLUMN price int NOT NULL DEFAULT 0;',
};

function migrationDir(content: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [file, sql] of Object.entries(content)) writeFileSync(join(dir, file), sql);
  return dir;
}

function capturingLogger() {
  const lines: string[] = [];
  const logger = createLogger({
    service: 'migrations-test',
    level: 'info',
    destination: { write: (line: string) => void lines.push((JSON.parse(line) as { msg: string }).msg) },
  });
  return { logger, lines };
}

describe('runMigrations (real Postgres)', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = migrationDir(files);
  });
  afterAll(async () => {
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies every migration once, in order, recording checksums and logging progress', async () => {
    const pool = db.pool();
    const { logger, lines } = capturingLogger();
    const report = await runMigrations(pool, { dir, logger });
    expect(report).toEqual({ applied: Object.keys(files), total: 3 });
    expect(lines).toContain('applying 0002_seed_items.sql (2/3)');
    expect(lines.some((l) => /^applied 0003_add_price\.sql in \d+ ms$/.test(l))).toBe(true);
    const rows = await pool.query<{ version: number; file: string; checksum: string }>(
      'SELECT version, file, checksum FROM schema_migrations ORDER BY version',
    );
    expect(rows.rows.map((r) => r.file)).toEqual(Object.keys(files));
    expect(rows.rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum))).toBe(true);
    expect((await pool.query('SELECT id, name, price FROM items ORDER BY id')).rows).toEqual([
      { id: 1, name: 'one', price: 0 },
      { id: 2, name: 'two', price: 0 },
    ]);
  });

  it('is a no-op when run again', async () => {
    const pool = db.pool();
    const { logger, lines } = capturingLogger();
    expect(await runMigrations(pool, { dir, logger })).toEqual({ applied: [], total: 3 });
    expect(lines).toEqual(['schema up to date (3 migrations)']);
    expect((await pool.query('SELECT count(*)::int AS n FROM items')).rows[0]).toEqual({ n: 2 });
  });

  it('refuses to start when an applied migration was edited, naming the file', async () => {
    const edited = migrationDir({
      ...files,
      '0002_seed_items.sql': "INSERT INTO items VALUES (3, 'three');",
    });
    try {
      await expect(runMigrations(db.pool(), { dir: edited, logger: silentLogger })).rejects.toThrow(
        /0002_seed_items\.sql changed after it was applied/,
      );
    } finally {
      rmSync(edited, { recursive: true, force: true });
    }
  });

  it('refuses to start when an applied migration is missing', async () => {
    const missing = migrationDir(files);
    unlinkSync(join(missing, '0001_create_items.sql'));
    try {
      await expect(runMigrations(db.pool(), { dir: missing, logger: silentLogger })).rejects.toThrow(
        /applied migration 0001_create_items\.sql is missing/,
      );
    } finally {
      rmSync(missing, { recursive: true, force: true });
    }
  });

  it('rolls back a failing migration, naming it, and keeps the earlier ones', async () => {
    const failing = migrationDir({
      ...files,
      '0004_ok.sql': 'CREATE TABLE extra (id int);',
      '0005_broken.sql': "CREATE TABLE half (id int); INSERT INTO items VALUES (1, 'duplicate key');",
    });
    const pool = db.pool();
    try {
      await expect(runMigrations(pool, { dir: failing, logger: silentLogger })).rejects.toThrow(
        /migration 0005_broken\.sql failed and was rolled back: duplicate key/,
      );
      const applied = await pool.query<{ file: string }>(
        'SELECT file FROM schema_migrations ORDER BY version',
      );
      expect(applied.rows.map((r) => r.file)).toEqual([...Object.keys(files), '0004_ok.sql']);
      expect((await pool.query("SELECT to_regclass('half') AS t")).rows[0]).toEqual({ t: null });
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
  });

  it('applies each migration exactly once when two instances start together', async () => {
    const fresh = await createTestDatabase();
    const slow = migrationDir({
      '0001_runs.sql': 'CREATE TABLE runs (migration text NOT NULL); SELECT pg_sleep(0.3);',
      '0002_second.sql': "INSERT INTO runs VALUES ('0002'); SELECT pg_sleep(0.3);",
      '0003_third.sql': "INSERT INTO runs VALUES ('0003');",
    });
    try {
      const [a, b] = await Promise.all([
        runMigrations(fresh.pool(), { dir: slow, logger: silentLogger }),
        runMigrations(fresh.pool(), { dir: slow, logger: silentLogger }),
      ]);
      expect([...a.applied, ...b.applied].sort()).toEqual([
        '0001_runs.sql',
        '0002_second.sql',
        '0003_third.sql',
      ]);
      const pool = fresh.pool();
      expect((await pool.query('SELECT migration FROM runs ORDER BY migration')).rows).toEqual([
        { migration: '0002' },
        { migration: '0003' },
      ]);
      expect((await pool.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0]).toEqual({
        n: 3,
      });
    } finally {
      rmSync(slow, { recursive: true, force: true });
      await fresh.drop();
    }
  });
});
