export { createPgPool, pgReadinessCheck, PG_POOL_DEFAULTS, type PgPoolOptions } from './create-pg-pool.js';
export { openServicePool, type PoolLifecycle } from './open-service-pool.js';
export { claimIdempotencyKey, completeIdempotencyKey, type IdempotencyKeyClaim } from './idempotency-keys.js';

export {
  MigrationError,
  migrationChecksum,
  orderMigrations,
  parseMigrationFileName,
  pendingMigrations,
  readMigrationDir,
  type AppliedMigration,
  type Migration,
  type MigrationSource,
} from './migration-files.js';
export {
  MIGRATION_LOCK_KEY,
  runMigrations,
  type MigrationReport,
  type RunMigrationsOptions,
} from './run-migrations.js';

export { withTransaction } from './with-transaction.js';
export { isTenantId, TENANT_ID_PATTERN } from '../contracts/tenant-id.js';
export { assertTenantId, TENANT_SETTING, withTenant } from './with-tenant.js';

export { OUTBOX_CHANNEL, outboxMigrationSql } from './outbox-sql.js';
export { enqueueEvent, type OutboxEntry } from './enqueue-event.js';
export {
  relayOutboxOnce,
  startOutboxRelay,
  type OutboxPublish,
  type OutboxRelay,
  type OutboxRelayOptions,
  type RelayPassResult,
} from './outbox-relay.js';
export { failureReason, retryDelayMs, type BackoffOptions } from './outbox-backoff.js';
export { daprOutboxPublisher } from './dapr-outbox-publisher.js';
