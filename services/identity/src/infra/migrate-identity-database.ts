import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import {
  outboxMigrationSql,
  runMigrations,
  type MigrationReport,
  type RunMigrationsOptions,
} from '@shopstream/service-defaults/postgres';

/** `services/identity/migrations`. */
export const IDENTITY_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** The outbox DDL of service-defaults, as identity's migration 0002 (never renumber it). */
export const IDENTITY_EXTRA_MIGRATIONS = [{ file: '0002_outbox.sql', sql: outboxMigrationSql() }] as const;

/** Applies identity's migrations (folder + outbox) as the connecting role; safe for instances starting together. */
export function migrateIdentityDatabase(
  pool: Pool,
  logger: RunMigrationsOptions['logger'],
): Promise<MigrationReport> {
  return runMigrations(pool, {
    dir: IDENTITY_MIGRATIONS_DIR,
    extraMigrations: IDENTITY_EXTRA_MIGRATIONS,
    logger,
  });
}
