import { createHash } from 'node:crypto';
import { metrics } from '@opentelemetry/api';
import type { Redis } from 'ioredis';
import type { Logger } from '@shopstream/service-defaults';
import type { CachedListPage, ChangeOutcome, ProductChange, ReadCache } from '../app/ports.js';
import type { Product } from '../domain/product.js';
import { APPLY_CHANGE, GET_PRODUCT, PUT_PRODUCT } from './read-cache-scripts.js';

export interface RedisReadCacheOptions {
  /** Product entries expire after this (default 5 min): a bound on staleness if every invalidation failed. */
  readonly productTtlMs?: number;
  /** List pages expire after this (default 60 s). */
  readonly listTtlMs?: number;
  /** Floors and inbox entries (default 24 h): longer than any redelivery. */
  readonly floorTtlMs?: number;
}

const meter = metrics.getMeter('@shopstream/catalog');
const lookups = meter.createCounter('catalog.cache.lookups', {
  description: 'Read-cache lookups by kind (product, list) and result (hit, miss, stale, error)',
});
const applied = meter.createCounter('catalog.cache.changes', {
  description: 'Change notifications applied to the read cache by source (write, event) and outcome',
});

/**
 * The Redis read cache (adr/0017). Reads never fail: a Redis error is a miss (logged, counted). Entries are
 * written only if they are not older than the product's floor or the current entry, so a slow reader cannot
 * put back a version that a committed change already replaced.
 */
export function createRedisReadCache(
  redis: Redis,
  logger: Pick<Logger, 'warn'>,
  options: RedisReadCacheOptions = {},
): ReadCache {
  const productTtl = options.productTtlMs ?? 300_000;
  const listTtl = options.listTtlMs ?? 60_000;
  const floorTtl = options.floorTtlMs ?? 86_400_000;
  const keys = (tenantId: string, productId: string) => ({
    // The entry's JSON is the domain Product: a new field in it means a new key (`v2`: stock has `sold`), so
    // an entry written by an older build is never read as the new shape (it expires by its TTL).
    entry: `catalog:{${tenantId}}:product:v2:${productId}`,
    floor: `catalog:{${tenantId}}:floor:${productId}`,
    lists: `catalog:{${tenantId}}:lists`,
  });
  const listKey = (tenantId: string, generation: string, key: string) =>
    `catalog:{${tenantId}}:list:${generation}:${createHash('sha256').update(key).digest('base64url')}`;
  const failed = (what: string) => (err: unknown) => {
    logger.warn({ err: { message: (err as Error).message } }, `read cache ${what} failed; reading Postgres`);
    return undefined;
  };

  const apply = async (change: ProductChange, source: 'write' | 'event', eventId?: string) => {
    const k = keys(change.tenantId, change.productId);
    const inbox = `catalog:{${change.tenantId}}:inbox:${eventId ?? '-'}`;
    const outcome = (await redis.eval(
      APPLY_CHANGE,
      4,
      k.entry,
      k.floor,
      k.lists,
      inbox,
      String(change.sequence),
      change.listsChanged ? '1' : '0',
      String(floorTtl),
      String(floorTtl),
      eventId === undefined ? '0' : '1',
    )) as ChangeOutcome;
    applied.add(1, { source, outcome });
    return outcome;
  };

  return {
    enabled: true,
    async getProduct(tenantId, productId, minSequence) {
      const k = keys(tenantId, productId);
      const reply = (await redis
        .eval(GET_PRODUCT, 2, k.entry, k.floor, String(minSequence))
        .catch(failed('lookup'))) as [string, string?] | undefined;
      const result = reply?.[0] ?? 'error';
      lookups.add(1, { kind: 'product', result });
      return result === 'hit' && reply?.[1] !== undefined ? (JSON.parse(reply[1]) as Product) : undefined;
    },
    async putProduct(product) {
      const k = keys(product.tenantId, product.id);
      await redis
        .eval(
          PUT_PRODUCT,
          2,
          k.entry,
          k.floor,
          String(product.sequence),
          JSON.stringify(product),
          String(productTtl),
        )
        .catch(failed('store'));
    },
    async getList(tenantId, key) {
      const generation = await redis
        .get(`catalog:{${tenantId}}:lists`)
        .then((g) => g ?? '0', failed('lookup'));
      if (generation === undefined) {
        lookups.add(1, { kind: 'list', result: 'error' });
        return { page: undefined, generation: '' }; // unknown generation: neither serve nor store
      }
      const raw = await redis.get(listKey(tenantId, generation, key)).catch(failed('lookup'));
      lookups.add(1, { kind: 'list', result: raw === null ? 'miss' : raw === undefined ? 'error' : 'hit' });
      return { page: typeof raw === 'string' ? (JSON.parse(raw) as CachedListPage) : undefined, generation };
    },
    async putList(tenantId, key, generation, page) {
      if (generation === '') return;
      await redis
        .set(listKey(tenantId, generation, key), JSON.stringify(page), 'PX', listTtl)
        .catch(failed('store'));
    },
    changed: (change) => apply(change, 'write'),
    applyEvent: (eventId, change) => apply(change, 'event', eventId),
  };
}
