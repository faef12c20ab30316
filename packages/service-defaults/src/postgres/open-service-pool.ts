import type { Pool } from 'pg';
import type { Logger } from '../logging/create-logger.js';
import type { ReadinessCheck } from '../health/readiness.js';
import type { ShutdownHook } from '../lifecycle/shutdown.js';
import { createPgPool, pgReadinessCheck } from './create-pg-pool.js';

/** The parts of a service's context a pool needs (`ServiceContext` of a config with DATABASE_URL). */
export interface PoolLifecycle {
  readonly config: { readonly DATABASE_URL: string; readonly SERVICE_NAME: string };
  readonly logger: Logger;
  readonly onShutdown: (name: string, hook: ShutdownHook) => void;
  readonly addReadinessCheck: (name: string, check: ReadinessCheck) => void;
}

/** The service's DATABASE_URL pool, named after the service, closed at shutdown and part of readiness. */
export function openServicePool(context: PoolLifecycle, options: { readonly max?: number } = {}): Pool {
  const pool = createPgPool({
    connectionString: context.config.DATABASE_URL,
    applicationName: context.config.SERVICE_NAME,
    logger: context.logger,
    ...(options.max === undefined ? {} : { max: options.max }),
  });
  context.onShutdown('postgres', () => pool.end());
  context.addReadinessCheck('postgres', pgReadinessCheck(pool));
  return pool;
}
