import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import {
  outboxMigrationSql,
  runMigrations,
  type MigrationReport,
  type RunMigrationsOptions,
} from '@shopstream/service-defaults/postgres';

/** `services/catalog/migrations`. */
export const CATALOG_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

/** The outbox DDL of service-defaults, as the catalog's migration 0002 (never renumber it). */
export const CATALOG_EXTRA_MIGRATIONS = [{ file: '0002_outbox.sql', sql: outboxMigrationSql() }] as const;

/** Applies the catalog's migrations (folder + outbox) as the connecting role; safe for instances starting together. */
export function migrateCatalogDatabase(
  pool: Pool,
  logger: RunMigrationsOptions['logger'],
): Promise<MigrationReport> {
  return runMigrations(pool, {
    dir: CATALOG_MIGRATIONS_DIR,
    extraMigrations: CATALOG_EXTRA_MIGRATIONS,
    logger,
  });
}
