import { Pool } from 'pg';
import type { Logger } from '../logging/create-logger.js';

export interface PgPoolOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL); never logged. */
  readonly connectionString: string;
  /** Shown in `pg_stat_activity.application_name`; usually SERVICE_NAME. */
  readonly applicationName: string;
  readonly logger: Pick<Logger, 'warn'>;
  /** Pool size (default 10). */
  readonly max?: number;
  /** Server-side limit per statement (default 10 s). */
  readonly statementTimeoutMs?: number;
  /** Server-side limit on waiting for a lock (default 5 s), so a blocked statement fails instead of queueing. */
  readonly lockTimeoutMs?: number;
  /** The server ends a session left idle inside a transaction this long (default 30 s): no leaked locks. */
  readonly idleInTransactionTimeoutMs?: number;
  /** Limit on opening a connection or waiting for a free one (default 5 s). */
  readonly connectionTimeoutMs?: number;
  /** Idle connections are closed after this (default 30 s). */
  readonly idleTimeoutMs?: number;
}

export const PG_POOL_DEFAULTS = {
  max: 10,
  statementTimeoutMs: 10_000,
  lockTimeoutMs: 5_000,
  idleInTransactionTimeoutMs: 30_000,
  connectionTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
} as const;

/**
 * A `pg` pool with timeouts on everything that can hang: connecting, statements, lock waits and sessions idle
 * in a transaction. Errors of idle connections (server restart, network) are logged instead of crashing the
 * process; the pool replaces the connection on the next checkout.
 */
export function createPgPool(options: PgPoolOptions): Pool {
  const pool = new Pool({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    max: options.max ?? PG_POOL_DEFAULTS.max,
    statement_timeout: options.statementTimeoutMs ?? PG_POOL_DEFAULTS.statementTimeoutMs,
    lock_timeout: options.lockTimeoutMs ?? PG_POOL_DEFAULTS.lockTimeoutMs,
    idle_in_transaction_session_timeout:
      options.idleInTransactionTimeoutMs ?? PG_POOL_DEFAULTS.idleInTransactionTimeoutMs,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? PG_POOL_DEFAULTS.connectionTimeoutMs,
    idleTimeoutMillis: options.idleTimeoutMs ?? PG_POOL_DEFAULTS.idleTimeoutMs,
  });
  pool.on('error', (err) => {
    options.logger.warn({ err: { message: err.message } }, 'idle postgres connection failed');
  });
  return pool;
}

/**
 * A readiness check for `addReadinessCheck('postgres', pgReadinessCheck(pool))`: `SELECT 1` that must answer
 * within `timeoutMs` (default 1 s), including the wait for a connection (the pool's own timeouts end a
 * connection attempt or statement that outlives it).
 */
export function pgReadinessCheck(pool: Pool, timeoutMs = 1_000): () => Promise<void> {
  return async () => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`postgres did not answer within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([pool.query('SELECT 1'), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
}
