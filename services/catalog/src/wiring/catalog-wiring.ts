import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { ServiceContext } from '@shopstream/service-defaults';
import { createPgPool, pgReadinessCheck } from '@shopstream/service-defaults/postgres';
import type { CatalogDeps } from '../app/ports.js';
import { randomId, systemClock } from '../infra/system.js';
import type { ReadCache } from '../app/ports.js';
import { noReadCache } from '../app/read-cache.js';
import type { CatalogAppConfig } from '../config.js';
import { createCatalogStore } from '../infra/catalog-store.js';
import { createRedisReadCache } from '../infra/redis-read-cache.js';

type Lifecycle = Pick<
  ServiceContext<CatalogAppConfig>,
  'config' | 'logger' | 'onShutdown' | 'addReadinessCheck'
>;

/** The catalog database pool (20 connections: stock changes hold a row lock per transaction), closed at shutdown. */
export function openCatalogPool({ config, logger, onShutdown, addReadinessCheck }: Lifecycle): Pool {
  const pool = createPgPool({
    connectionString: config.DATABASE_URL,
    applicationName: config.SERVICE_NAME,
    logger,
    max: 20,
  });
  onShutdown('postgres', () => pool.end());
  addReadinessCheck('postgres', pgReadinessCheck(pool));
  return pool;
}

/**
 * The read cache of CATALOG_READ_CACHE: Redis (short command timeout, so a slow Redis costs a miss, not a
 * slow read) or none. Not part of readiness: the catalog serves from Postgres while Redis is away.
 */
export function openReadCache({ config, logger, onShutdown }: Lifecycle): ReadCache {
  if (config.CATALOG_READ_CACHE === 'off') return noReadCache;
  const redis = new Redis(config.REDIS_URL, {
    maxRetriesPerRequest: 1,
    commandTimeout: 250,
    enableOfflineQueue: false,
  });
  redis.on('error', (error: Error) =>
    logger.warn({ err: { message: error.message } }, 'redis (read cache) error'),
  );
  onShutdown('redis', async () => {
    await redis.quit();
  });
  return createRedisReadCache(redis, logger);
}

export function catalogDeps(
  pool: Pool,
  cache: ReadCache,
  context: Pick<Lifecycle, 'config' | 'logger'>,
): CatalogDeps {
  return {
    store: createCatalogStore(pool),
    cache,
    clock: systemClock,
    newId: randomId,
    eventSource: context.config.SERVICE_NAME,
    logger: context.logger,
  };
}
