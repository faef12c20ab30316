import { fileURLToPath } from 'node:url';
import type { Pool } from 'pg';
import {
  outboxMigrationSql,
  runMigrations,
  type MigrationReport,
  type RunMigrationsOptions,
} from '@shopstream/service-defaults/postgres';

/** `services/orders/migrations`, plus the outbox DDL of service-defaults as migration 0002. */
export const ORDERS_MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations', import.meta.url));

export function migrateOrdersDatabase(
  pool: Pool,
  logger: RunMigrationsOptions['logger'],
): Promise<MigrationReport> {
  return runMigrations(pool, {
    dir: ORDERS_MIGRATIONS_DIR,
    extraMigrations: [{ file: '0002_outbox.sql', sql: outboxMigrationSql() }],
    logger,
  });
}
