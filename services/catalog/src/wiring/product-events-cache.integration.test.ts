import { randomBytes, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCloudEvent, type CloudEvent } from '@shopstream/service-defaults';
import { silentLogger } from '@shopstream/testing/database';
import { ProductChanged, ProductChangeKind } from '@shopstream/proto/events/v1/product_events.js';
import { ports } from '../../../../tools/stack/ports.js';
import { PRODUCT_CHANGED_TYPE } from '../app/product-events.js';
import type { ReadCache } from '../app/ports.js';
import type { Product } from '../domain/product.js';
import { createRedisReadCache } from '../infra/redis-read-cache.js';
import { applyProductChanged } from '../adapters/events/product-events-consumer.js';

/** The read cache's consumer of `product.events` against the stack's real Redis. */
describe('ProductChanged consumer (read cache, real Redis)', () => {
  let redis: Redis;
  let cache: ReadCache;
  const tenant = `consumer-${randomBytes(4).toString('hex')}`;

  beforeAll(() => {
    redis = new Redis({ host: '127.0.0.1', port: ports.redis, maxRetriesPerRequest: 1 });
    cache = createRedisReadCache(redis, silentLogger);
  });
  afterAll(() => redis?.disconnect());

  const event = (
    productId: string,
    sequence: number,
    change = ProductChangeKind.PRODUCT_CHANGE_KIND_UPDATED,
  ) =>
    buildCloudEvent({
      type: PRODUCT_CHANGED_TYPE,
      source: 'catalog',
      tenantId: tenant,
      subject: productId,
      data: ProductChanged.toJSON({
        ...ProductChanged.fromPartial({ productId, tenantId: tenant }),
        sequence: String(sequence),
        version: String(sequence),
        change,
      }),
    });

  const product = (id: string, sequence: number): Product => ({
    id,
    tenantId: tenant,
    ownerRegion: 'eu',
    version: sequence,
    sequence,
    createdAt: 0,
    updatedAt: 0,
    updatedBy: 'u',
    title: `v${sequence}`,
    description: '',
    category: 'c',
    brand: 'b',
    attributes: {},
    media: [],
    status: 'active',
    skus: [],
  });

  it('applies every event id at most once and never moves a product backwards (property: duplicated, shuffled deliveries)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async (versions, picks) => {
          const productId = randomUUID();
          const events = Array.from({ length: versions }, (_, i) => event(productId, i + 1));
          const deliveries = picks.map((pick) => events[pick % versions]!);
          const applied: number[] = [];
          const seen = new Set<string>();
          for (const delivered of deliveries) {
            const result = await applyProductChanged(cache, delivered);
            const sequence = Number((delivered.data as { sequence: string }).sequence);
            if (seen.has(delivered.id)) expect(result).toBe('duplicate');
            else
              expect(result).toBe(
                applied.length === 0 || sequence > applied.at(-1)! ? 'applied' : 'already-applied',
              );
            if (result === 'applied') applied.push(sequence);
            seen.add(delivered.id);
          }
          // Applied sequences strictly increase: a stale event never undoes a newer one.
          expect(applied).toEqual([...applied].sort((a, b) => a - b));
          expect(new Set(applied).size).toBe(applied.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies one of many concurrent redeliveries of the same event', async () => {
    const delivered = event(randomUUID(), 1);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => applyProductChanged(cache, delivered)),
    );
    expect(results.filter((r) => r === 'applied')).toHaveLength(1);
    expect(results.filter((r) => r === 'duplicate')).toHaveLength(19);
  });

  it('drops events that are not a valid ProductChanged of their tenant', async () => {
    const valid = event(randomUUID(), 1);
    const broken: CloudEvent[] = [
      { ...valid, type: 'shopstream.events.v1.Other' },
      { ...valid, tenantid: 'someone-else' },
      { ...valid, data: { productId: '', sequence: '1', tenantId: tenant } },
      { ...valid, data: { productId: randomUUID(), sequence: '0', tenantId: tenant } },
    ];
    for (const e of broken) expect(await applyProductChanged(cache, e)).toBe('DROP');
  });

  it('serves nothing older than the floor an event raised, and refuses to store older copies', async () => {
    const id = randomUUID();
    await cache.putProduct(product(id, 2));
    expect((await cache.getProduct(tenant, id, 0))?.sequence).toBe(2);
    expect(await cache.getProduct(tenant, id, 3)).toBeUndefined(); // the caller has seen 3 already
    expect(await applyProductChanged(cache, event(id, 4))).toBe('applied');
    expect(await cache.getProduct(tenant, id, 0)).toBeUndefined(); // 2 < floor 4
    await cache.putProduct(product(id, 3)); // a slow reader's copy, older than the floor: refused
    expect(await cache.getProduct(tenant, id, 0)).toBeUndefined();
    await cache.putProduct(product(id, 4));
    expect((await cache.getProduct(tenant, id, 0))?.title).toBe('v4');
    await cache.putProduct(product(id, 3));
    expect((await cache.getProduct(tenant, id, 0))?.title).toBe('v4');
  });

  it('moves the list generation on content changes only', async () => {
    const before = (await cache.getList(tenant, 'k')).generation;
    await applyProductChanged(cache, event(randomUUID(), 1, ProductChangeKind.PRODUCT_CHANGE_KIND_STOCK));
    expect((await cache.getList(tenant, 'k')).generation).toBe(before);
    await applyProductChanged(cache, event(randomUUID(), 1, ProductChangeKind.PRODUCT_CHANGE_KIND_CREATED));
    expect(Number((await cache.getList(tenant, 'k')).generation)).toBe(Number(before) + 1);
  });
});
