import type { Pool } from 'pg';
import type { Logger } from '../logging/create-logger.js';
import {
  MigrationError,
  orderMigrations,
  pendingMigrations,
  readMigrationDir,
  type AppliedMigration,
  type MigrationSource,
} from './migration-files.js';

export interface RunMigrationsOptions {
  /** Folder of `NNNN_description.sql` files. */
  readonly dir?: string;
  /** Migrations given in code (e.g. the outbox DDL), merged with the folder's files by version. */
  readonly extraMigrations?: readonly MigrationSource[];
  readonly logger: Pick<Logger, 'info'>;
  /** How long to wait for another instance that holds the migration lock (default 60 s). */
  readonly lockWaitMs?: number;
}

export interface MigrationReport {
  /** Files applied by this call, in order (empty when the schema was up to date). */
  readonly applied: readonly string[];
  /** Number of migrations the service ships. */
  readonly total: number;
}

/** Key of the session advisory lock that serialises `runMigrations` per database (any fixed bigint). */
export const MIGRATION_LOCK_KEY = '7263540118';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version     integer PRIMARY KEY,
  file        text NOT NULL,
  checksum    text NOT NULL,
  applied_at  timestamptz NOT NULL DEFAULT now(),
  duration_ms integer NOT NULL
)`;

/**
 * Applies the pending migrations in version order, each in its own transaction together with its
 * `schema_migrations` row (file, SHA-256 checksum, duration). Instances starting together queue on a Postgres
 * advisory lock, so each migration runs exactly once. Throws a MigrationError naming the file when an applied
 * migration was changed or removed, or when a migration fails (that migration is rolled back; earlier ones
 * stay applied).
 */
export async function runMigrations(pool: Pool, options: RunMigrationsOptions): Promise<MigrationReport> {
  const { logger } = options;
  const migrations = orderMigrations([
    ...(options.dir === undefined ? [] : readMigrationDir(options.dir)),
    ...(options.extraMigrations ?? []),
  ]);
  const lockWaitMs = Math.max(1, Math.floor(options.lockWaitMs ?? 60_000));
  const client = await pool.connect();
  try {
    // Session settings for this connection only; it is discarded afterwards (release(true)).
    await client.query(`SET statement_timeout = ${lockWaitMs}`);
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
      MIGRATION_LOCK_KEY,
    ]);
    if (rows[0]?.locked !== true) {
      logger.info('waiting for the migration lock (another instance is migrating)');
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]).catch((err: unknown) => {
        throw new MigrationError(`another instance held the migration lock for more than ${lockWaitMs} ms`, {
          cause: err,
        });
      });
    }
    // Migrations may legitimately run long (index builds); the session ends with this connection.
    await client.query('SET statement_timeout = 0');
    await client.query('SET lock_timeout = 0');
    await client.query(CREATE_TABLE);
    const applied = await client.query<AppliedMigration>(
      'SELECT version, file, checksum FROM schema_migrations ORDER BY version',
    );
    const pending = pendingMigrations(migrations, applied.rows);
    const total = migrations.length;
    if (pending.length === 0) logger.info({ total }, `schema up to date (${total} migrations)`);
    const done: string[] = [];
    for (const migration of pending) {
      const position = migrations.indexOf(migration) + 1;
      logger.info({ migration: migration.file }, `applying ${migration.file} (${position}/${total})`);
      const started = performance.now();
      try {
        await client.query('BEGIN');
        await client.query(migration.sql);
        const durationMs = Math.round(performance.now() - started);
        await client.query(
          'INSERT INTO schema_migrations (version, file, checksum, duration_ms) VALUES ($1, $2, $3, $4)',
          [migration.version, migration.file, migration.checksum, durationMs],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        const reason = err instanceof Error ? err.message : String(err);
        throw new MigrationError(`migration ${migration.file} failed and was rolled back: ${reason}`, {
          cause: err,
        });
      }
      const durationMs = Math.round(performance.now() - started);
      logger.info({ migration: migration.file, durationMs }, `applied ${migration.file} in ${durationMs} ms`);
      done.push(migration.file);
    }
    return { applied: done, total };
  } finally {
    // Destroying the connection also releases the advisory lock and drops the session settings above.
    client.release(true);
  }
}
