import {
  catalogApi,
  idempotencyKey,
  productInput,
  skuInput,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';

export interface CatalogBenchFixture {
  readonly api: CatalogApi;
  readonly tenant: string;
  /** Tenant admin with `catalog.stock`: creates products and reserves stock. */
  readonly adminToken: string;
  close(): void;
}

/** A fresh tenant with a signed-in admin, and a catalog client through skeleton-caller's sidecar. */
export async function catalogBenchFixture(): Promise<CatalogBenchFixture> {
  const identity = identityDatabasePool('bench-catalog');
  const tenant = await createTestTenant(identity, 'bench-cat');
  const { accessToken } = await signedInUser(identity, tenant, { admin: true, roles: ['catalog.stock'] });
  await identity.end();
  const api = catalogApi();
  return { api, tenant, adminToken: accessToken, close: () => api.close() };
}

/** Creates `count` products (4 at a time) with `stock` units per SKU in `eu`; returns their product and SKU ids. */
export async function createProducts(
  fixture: CatalogBenchFixture,
  count: number,
  stock = 100,
): Promise<{ productId: string; skuId: string }[]> {
  const made: { productId: string; skuId: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) {
        next++;
        const { product } = await fixture.api.createProduct(
          {
            idempotencyKey: idempotencyKey(),
            ownerRegion: 'eu',
            product: productInput({
              skus: [skuInput({ initialStock: [{ region: 'eu', quantity: String(stock) }] }), skuInput()],
            }),
          },
          { token: fixture.adminToken },
        );
        made.push({ productId: product!.productId, skuId: product!.skus[0]!.skuId });
      }
    }),
  );
  return made;
}

/**
 * Runs `total` calls of `fn` with `concurrency` callers in a closed loop (each caller starts its next call
 * when the previous one returned). Returns every latency in ms and the achieved rate per second.
 */
export async function closedLoop(
  concurrency: number,
  total: number,
  fn: (i: number) => Promise<unknown>,
): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await fn(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, perSecond: (total / (performance.now() - started)) * 1000 };
}
