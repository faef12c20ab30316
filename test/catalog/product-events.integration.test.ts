import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@shopstream/service-defaults/postgres';
import { StockOperation } from '@shopstream/proto/catalog/v1/catalog_service.js';
import type { Product } from '@shopstream/proto/catalog/v1/product.js';
import {
  catalogApi,
  catalogDatabasePool,
  failure,
  idempotencyKey,
  productInput,
  skuInput,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { eventually, ports, sidecar } from '@shopstream/testing/stack';

interface StoredEvent {
  id: string;
  type: string;
  subject: string;
  tenantid: string;
  traceparent?: string;
  data: { sequence: string; version: string; change: string; skus: { stock: unknown[] }[] };
}

/**
 * ProductChanged on `product.events`: one outbox row per committed change and none for refused ones,
 * published through Dapr (Redis Streams locally) with the same ids; the catalog's own consumer (its read
 * cache) ignores duplicated and stale deliveries.
 */
describe('ProductChanged events (outbox → Dapr pub/sub)', () => {
  let identity: Pool;
  let catalogDb: Pool;
  let redis: Redis;
  let api: CatalogApi;
  let tenant = '';
  let admin = '';

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-events-test');
    catalogDb = catalogDatabasePool('catalog-events-test');
    redis = new Redis({ host: '127.0.0.1', port: ports.redis, maxRetriesPerRequest: 1 });
    api = catalogApi();
    tenant = await createTestTenant(identity, 'cat-events');
    admin = (await signedInUser(identity, tenant, { roles: ['catalog.admin:eu', 'catalog.stock'] }))
      .accessToken;
  });

  afterAll(async () => {
    api?.close();
    redis?.disconnect();
    await Promise.all([identity?.end(), catalogDb?.end()]);
  });

  const outboxOf = (productId: string) =>
    withTenant(catalogDb, tenant, async (c) => {
      const { rows } = await c.query<{ payload: StoredEvent; published: boolean }>(
        'SELECT payload, published_at IS NOT NULL AS published FROM outbox WHERE subject = $1 ORDER BY created_at, seq',
        [productId],
      );
      return rows;
    });

  /** CloudEvents on the `product.events` Redis stream (what Dapr published) about one product. */
  const streamOf = async (productId: string): Promise<StoredEvent[]> => {
    const entries = await redis.xrevrange('product.events', '+', '-', 'COUNT', 5000);
    return entries
      .map(([, fields]) => JSON.parse(fields[fields.indexOf('data') + 1] ?? '{}') as StoredEvent)
      .filter((event) => event.subject === productId)
      .reverse();
  };

  it('writes exactly one event per committed change, none for refused ones, and Dapr delivers each once', async () => {
    const { product: created } = await api.createProduct(
      { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput() },
      { token: admin },
    );
    const { productId, skus } = created as Product;
    const skuId = skus[0]!.skuId;
    const edit = (expectedVersion: string, overrides = {}) =>
      api.updateProduct(
        {
          idempotencyKey: idempotencyKey(),
          productId,
          expectedVersion,
          product: productInput({ skus: [{ ...skuInput(), skuId, code: skus[0]!.code }], ...overrides }),
        },
        { token: admin },
      );
    const reserve = (quantity: string, key = idempotencyKey()) =>
      api.updateStock(
        {
          idempotencyKey: key,
          operation: StockOperation.STOCK_OPERATION_RESERVE,
          skuId,
          region: 'eu',
          quantity,
        },
        { token: admin },
      );

    await edit('1', { title: 'Second version' }); // sequence 2
    expect(await failure(edit('1'))).toMatchObject({ reason: 'Catalog.VersionConflict' });
    expect(await failure(edit('2', { title: '' }))).toMatchObject({ reason: 'Catalog.InvalidProduct' });
    await reserve('4'); // sequence 3
    const refusedKey = idempotencyKey();
    expect(await failure(reserve('100', refusedKey))).toMatchObject({ reason: 'Catalog.InsufficientStock' });
    await api.archiveProduct(
      { idempotencyKey: idempotencyKey(), productId, expectedVersion: '2' },
      { token: admin },
    ); // 4

    const outbox = await outboxOf(productId);
    expect(
      outbox.map((r) => [r.payload.data.sequence, r.payload.data.version, r.payload.data.change]),
    ).toEqual([
      ['1', '1', 'PRODUCT_CHANGE_KIND_CREATED'],
      ['2', '2', 'PRODUCT_CHANGE_KIND_UPDATED'],
      ['3', '2', 'PRODUCT_CHANGE_KIND_STOCK'],
      ['4', '3', 'PRODUCT_CHANGE_KIND_ARCHIVED'],
    ]);
    expect(outbox.every((r) => r.payload.type === 'shopstream.events.v1.ProductChanged')).toBe(true);
    expect(
      outbox.every(
        (r) => r.payload.tenantid === tenant && /^00-[\da-f]{32}-/.test(r.payload.traceparent ?? ''),
      ),
    ).toBe(true);
    // The refused reservation left no reservation row either (its transaction rolled back whole).
    const leftovers = await withTenant(catalogDb, tenant, (c) =>
      c.query('SELECT 1 FROM stock_reservations WHERE key = $1', [refusedKey]),
    );
    expect(leftovers.rowCount).toBe(0);

    // Relayed through the sidecar to Redis Streams: each event once, with the outbox's id.
    const published = await eventually(
      () => streamOf(productId),
      (events) => events.length >= 4,
      10_000,
      'the four events on the product.events stream',
    );
    expect(published.map((e) => e.id).sort()).toEqual(outbox.map((r) => r.payload.id).sort());
    expect((await outboxOf(productId)).every((r) => r.published)).toBe(true);
  });

  it("keeps the catalog's read cache on the newest version when stale and duplicate events are redelivered", async () => {
    const { product: created } = await api.createProduct(
      { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput() },
      { token: admin },
    );
    const { productId, skus } = created as Product;
    const { product: v2 } = await api.updateProduct(
      {
        idempotencyKey: idempotencyKey(),
        productId,
        expectedVersion: '1',
        product: productInput({
          title: 'Newest title',
          skus: [{ ...skuInput(), skuId: skus[0]!.skuId, code: skus[0]!.code }],
        }),
      },
      { token: admin },
    );
    // Read it (fills the cache), then let both events be consumed.
    expect((await api.getProduct({ productId }, { tenant })).product?.title).toBe('Newest title');
    const events = await eventually(
      () => outboxOf(productId),
      (rows) => rows.length === 2 && rows.every((r) => r.published),
      10_000,
      'both events published',
    );
    // Redeliver them (oldest first, twice each) through the catalog's sidecar, as a broker would.
    for (const row of [...events, ...events]) {
      const res = await sidecar('catalog', '/v1.0/publish/pubsub/product.events', {
        method: 'POST',
        headers: { 'content-type': 'application/cloudevents+json' },
        body: JSON.stringify(row.payload),
      });
      expect(res.status).toBe(204);
    }
    // Whatever order they arrive in, reads never go back to version 1.
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      const { product } = await api.getProduct({ productId }, { tenant });
      expect([product?.version, product?.title]).toEqual([v2?.version, 'Newest title']);
    }
  });
});
