import { status } from '@grpc/grpc-js';
import fc from 'fast-check';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ReservationState,
  StockOperation,
  type UpdateStockRequest,
} from '@shopstream/proto/catalog/v1/catalog_service.js';
import { ProductStatus, type Sku } from '@shopstream/proto/catalog/v1/product.js';
import {
  catalogApi,
  failure,
  idempotencyKey,
  outcome,
  productInput,
  skuInput,
  withRetries,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';

/**
 * UpdateStock (reserve / release / sell) and SetStock through the sidecars: atomic, never negative, idempotent by
 * key, with the checkout saga's compensation order (release before reserve) handled.
 */
describe('catalog stock through the sidecars', () => {
  let identity: Pool;
  let api: CatalogApi;
  let tenant = '';
  let admin = '';
  let checkout = '';
  let shopper = '';

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-stock-test');
    api = catalogApi();
    tenant = await createTestTenant(identity, 'cat-stock');
    const tokens = await signedInTokens(identity, tenant, [
      { roles: ['catalog.admin:eu'] },
      { roles: ['catalog.stock'] },
      { roles: ['customer'] },
    ]);
    [admin, checkout, shopper] = tokens as [string, string, string];
  });

  afterAll(async () => {
    api?.close();
    await identity?.end();
  });

  /** A new active product with one SKU stocked `eu` only. */
  const newSku = async (
    euStock: number,
    productStatus = ProductStatus.PRODUCT_STATUS_ACTIVE,
  ): Promise<Sku & { productId: string }> => {
    const { product } = await api.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({
          status: productStatus,
          skus: [skuInput({ initialStock: [{ region: 'eu', quantity: String(euStock) }] })],
        }),
      },
      { token: admin },
    );
    return { ...product!.skus[0]!, productId: product!.productId };
  };

  /** A checkout's reservation: retried with the same key on UNAVAILABLE / DEADLINE_EXCEEDED, as the proto says. */
  const reserve = (skuId: string, quantity: number, key = idempotencyKey(), token = checkout) =>
    withRetries(() =>
      api.updateStock(
        {
          idempotencyKey: key,
          operation: StockOperation.STOCK_OPERATION_RESERVE,
          skuId,
          region: 'eu',
          quantity: String(quantity),
        },
        { token, deadlineMs: 20_000 },
      ),
    );
  const release = (skuId: string, key: string) =>
    api.updateStock(
      {
        idempotencyKey: key,
        operation: StockOperation.STOCK_OPERATION_RELEASE,
        skuId,
        region: 'eu',
        quantity: '0',
      },
      { token: checkout },
    );
  const sell = (skuId: string, key: string) =>
    api.updateStock(
      {
        idempotencyKey: key,
        operation: StockOperation.STOCK_OPERATION_SELL,
        skuId,
        region: 'eu',
        quantity: '0',
      },
      { token: checkout },
    );
  /** The SKU's `eu` stock as GetProduct shows it (fresh from Postgres). */
  const euStock = async (sku: { skuId: string; productId: string }) => {
    const { product } = await api.getProduct({ productId: sku.productId }, { tenant, noCache: true });
    return product?.skus.find((s) => s.skuId === sku.skuId)?.stock.find((s) => s.region === 'eu');
  };

  it('lets exactly 20 of 50 concurrent single-unit reservations on stock 20 succeed; stock ends at 0', async () => {
    const sku = await newSku(20);
    const results = await Promise.all(Array.from({ length: 50 }, () => outcome(reserve(sku.skuId, 1))));
    expect(results.filter((r) => r === 'ok')).toHaveLength(20);
    const refused = results.filter((r) => r !== 'ok');
    expect(refused).toHaveLength(30);
    expect(new Set(refused.map((r) => JSON.stringify(r)))).toEqual(
      new Set([
        JSON.stringify({ code: status.ABORTED, reason: 'Catalog.InsufficientStock', fields: ['quantity'] }),
      ]),
    );
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '0', reserved: '20', sold: '0' });
  });

  it('never oversells under concurrent reservations of random sizes (property, 4 runs × 30 callers)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 5, max: 40 }),
        fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 30, maxLength: 30 }),
        async (initial, quantities) => {
          const sku = await newSku(initial);
          const results = await Promise.all(quantities.map((q) => outcome(reserve(sku.skuId, q))));
          const reserved = quantities.filter((_, i) => results[i] === 'ok').reduce((a, b) => a + b, 0);
          const stock = await euStock(sku);
          expect(reserved).toBeLessThanOrEqual(initial);
          expect(stock).toEqual({
            region: 'eu',
            available: String(initial - reserved),
            reserved: String(reserved),
            sold: '0',
          });
          // Stock only went down during the run, so every refused request asked for more than what is left.
          quantities.forEach((q, i) => {
            if (results[i] !== 'ok') {
              expect(results[i]).toMatchObject({ reason: 'Catalog.InsufficientStock' });
              expect(q).toBeGreaterThan(initial - reserved);
            }
          });
        },
      ),
      { numRuns: 4 },
    );
  });

  it('makes a retried RESERVE a replay and a RELEASE give back exactly what was reserved, once', async () => {
    const sku = await newSku(10);
    const key = idempotencyKey();
    const first = await reserve(sku.skuId, 3, key);
    expect(first).toMatchObject({
      state: ReservationState.RESERVATION_STATE_RESERVED,
      quantity: '3',
      replayed: false,
    });
    const retried = await Promise.all([reserve(sku.skuId, 3, key), reserve(sku.skuId, 3, key)]);
    expect(retried.map((r) => [r.state, r.quantity, r.replayed])).toEqual([
      [ReservationState.RESERVATION_STATE_RESERVED, '3', true],
      [ReservationState.RESERVATION_STATE_RESERVED, '3', true],
    ]);
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '7', reserved: '3', sold: '0' });
    expect(await failure(reserve(sku.skuId, 4, key))).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.IdempotencyKeyReused',
    });

    const released = await Promise.all([release(sku.skuId, key), release(sku.skuId, key)]);
    expect(released.map((r) => [r.state, r.quantity]).sort()).toEqual([
      [ReservationState.RESERVATION_STATE_RELEASED, '3'],
      [ReservationState.RESERVATION_STATE_RELEASED, '3'],
    ]);
    expect(released.filter((r) => r.replayed)).toHaveLength(1);
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '10', reserved: '0', sold: '0' });
    expect(await failure(reserve(sku.skuId, 3, key))).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.ReservationReleased',
    });
  });

  it('makes a SELL move a reservation from reserved to sold once (replays change nothing) and never give it back', async () => {
    const sku = await newSku(10);
    const key = idempotencyKey();
    await reserve(sku.skuId, 4, key);
    const sold = await Promise.all([sell(sku.skuId, key), sell(sku.skuId, key), sell(sku.skuId, key)]);
    expect(sold.map((r) => [r.state, r.quantity])).toEqual([
      [ReservationState.RESERVATION_STATE_SOLD, '4'],
      [ReservationState.RESERVATION_STATE_SOLD, '4'],
      [ReservationState.RESERVATION_STATE_SOLD, '4'],
    ]);
    expect(sold.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '6', reserved: '0', sold: '4' });
    // Sold units are final: neither a RELEASE nor a RESERVE with the key changes anything.
    expect(await failure(release(sku.skuId, key))).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.ReservationSold',
    });
    expect(await failure(reserve(sku.skuId, 4, key))).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.ReservationSold',
    });
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '6', reserved: '0', sold: '4' });
    // A key never reserved, or given back, cannot be sold.
    expect(await failure(sell(sku.skuId, idempotencyKey()))).toMatchObject({
      code: status.NOT_FOUND,
      reason: 'Catalog.ReservationNotFound',
    });
    const released = idempotencyKey();
    await reserve(sku.skuId, 1, released);
    await release(sku.skuId, released);
    expect(await failure(sell(sku.skuId, released))).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.ReservationReleased',
    });
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '6', reserved: '0', sold: '4' });
  });

  it('records a RELEASE that comes before its RESERVE (saga compensation), so the late RESERVE is refused', async () => {
    const sku = await newSku(5);
    const key = idempotencyKey();
    expect(await release(sku.skuId, key)).toMatchObject({
      state: ReservationState.RESERVATION_STATE_RELEASED,
      quantity: '0',
      stock: { available: '5', reserved: '0', sold: '0' },
    });
    expect(await failure(reserve(sku.skuId, 1, key))).toMatchObject({
      reason: 'Catalog.ReservationReleased',
    });
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '5', reserved: '0', sold: '0' });
  });

  it('refuses stock changes from callers without a stock or owner role, regions without stock, and drafts', async () => {
    const sku = await newSku(5);
    expect(await failure(reserve(sku.skuId, 1, idempotencyKey(), shopper))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'Catalog.NotStockManager',
    });
    expect(
      await failure(
        api.updateStock(
          {
            idempotencyKey: idempotencyKey(),
            operation: StockOperation.STOCK_OPERATION_RESERVE,
            skuId: sku.skuId,
            region: 'eu',
            quantity: '1',
          },
          { tenant },
        ),
      ),
    ).toMatchObject({ code: status.UNAUTHENTICATED });
    const inApac: Partial<UpdateStockRequest> = {
      idempotencyKey: idempotencyKey(),
      operation: StockOperation.STOCK_OPERATION_RESERVE,
      skuId: sku.skuId,
      region: 'apac',
      quantity: '1',
    };
    expect(await failure(api.updateStock(inApac, { token: checkout }))).toMatchObject({
      code: status.NOT_FOUND,
      reason: 'Catalog.NotStocked',
    });
    expect(
      await failure(reserve((await newSku(5, ProductStatus.PRODUCT_STATUS_DRAFT)).skuId, 1)),
    ).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.NotForSale',
    });
    expect(await failure(reserve('0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e', 1))).toMatchObject({
      code: status.NOT_FOUND,
      reason: 'Catalog.SkuNotFound',
    });
    expect(await euStock(sku)).toEqual({ region: 'eu', available: '5', reserved: '0', sold: '0' });
  });

  it('lets the owning region admin set stock (idempotently), but not the stock service role', async () => {
    const sku = await newSku(5);
    await reserve(sku.skuId, 2);
    const key = idempotencyKey();
    const set = (token: string, available: string) =>
      api.setStock({ idempotencyKey: key, skuId: sku.skuId, region: 'eu', available }, { token });
    expect((await set(admin, '40')).stock).toEqual({
      region: 'eu',
      available: '40',
      reserved: '2',
      sold: '0',
    });
    expect((await set(admin, '40')).stock).toEqual({
      region: 'eu',
      available: '40',
      reserved: '2',
      sold: '0',
    });
    expect(await failure(set(admin, '41'))).toMatchObject({ reason: 'Catalog.IdempotencyKeyReused' });
    expect(
      await failure(
        api.setStock(
          { idempotencyKey: idempotencyKey(), skuId: sku.skuId, region: 'eu', available: '1' },
          { token: checkout },
        ),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'Catalog.NotRegionAdmin' });
    expect(
      await failure(
        api.setStock(
          { idempotencyKey: idempotencyKey(), skuId: sku.skuId, region: 'eu', available: '-1' },
          { token: admin },
        ),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT, fields: ['available'] });
  });
});
