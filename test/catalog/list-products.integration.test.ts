import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductSort, type ListProductsRequest } from '@shopstream/proto/catalog/v1/catalog_service.js';
import type { ProductSummary } from '@shopstream/proto/catalog/v1/product.js';
import {
  catalogApi,
  failure,
  idempotencyKey,
  productInput,
  skuInput,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';

interface Made {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  /** Lowest EU price, undefined when not sold in the EU. */
  readonly eu: number | undefined;
}

/** ListProducts: cursor pagination in every order, filters, and freshness through the read cache. */
describe('ListProducts through the sidecars', () => {
  let identity: Pool;
  let api: CatalogApi;
  let tenant = '';
  let admin = '';
  const made: Made[] = [];

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-list-test');
    api = catalogApi();
    tenant = await createTestTenant(identity, 'cat-list');
    admin = (await signedInUser(identity, tenant, { admin: true })).accessToken;
    // 14 products: repeated titles (the id breaks ties), repeated prices, two categories, some US-only.
    const titles = [
      'Lamp',
      'apron',
      'Bowl',
      'lamp',
      'Cup',
      'Apron',
      'Dish',
      'Bowl',
      'Vase',
      'Cup',
      'Fork',
      'Mug',
      'Pan',
      'Jar',
    ];
    for (const [i, title] of titles.entries()) {
      const category = i % 3 === 0 ? 'home/lighting' : 'home/kitchen';
      const usOnly = i % 5 === 4;
      const prices = [700 + (i % 4) * 100, 2000];
      const { product } = await api.createProduct(
        {
          idempotencyKey: idempotencyKey(),
          ownerRegion: 'eu',
          product: productInput({
            title,
            category,
            skus: prices.map((amount) =>
              skuInput({
                prices: usOnly
                  ? [{ region: 'us', price: { currencyCode: 'USD', amountMinor: String(amount) } }]
                  : [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: String(amount) } }],
                initialStock: [],
              }),
            ),
          }),
        },
        { token: admin },
      );
      made.push({ id: product!.productId, title, category, eu: usOnly ? undefined : Math.min(...prices) });
    }
  });

  afterAll(async () => {
    api?.close();
    await identity?.end();
  });

  /** Every page of a list, 5 at a time. */
  const all = async (request: Partial<ListProductsRequest>): Promise<ProductSummary[]> => {
    const items: ProductSummary[] = [];
    let pageToken = '';
    for (let pages = 0; pages < 20; pages++) {
      const { products, page } = await api.listProducts(
        { ...request, page: { pageSize: 5, pageToken } },
        { tenant },
      );
      items.push(...products);
      pageToken = page?.nextPageToken ?? '';
      if (pageToken === '') return items;
    }
    throw new Error('too many pages');
  };
  const filter = (f: Partial<NonNullable<ListProductsRequest['filter']>>) => ({
    category: '',
    region: '',
    minPriceMinor: '0',
    maxPriceMinor: '0',
    status: 0,
    ...f,
  });
  const byIdThen =
    (key: (m: Made) => string | number, descending = false) =>
    (a: Made, b: Made) => {
      const [x, y] = [key(a), key(b)];
      if (x !== y) return (x < y ? -1 : 1) * (descending ? -1 : 1);
      return (a.id < b.id ? -1 : 1) * (descending ? -1 : 1);
    };

  it('pages through every order completely, without repeats, ending each order with the id', async () => {
    const newest = await all({ sort: ProductSort.PRODUCT_SORT_NEWEST });
    expect(newest.map((p) => p.productId)).toEqual([...made].reverse().map((m) => m.id));

    const title = await all({ sort: ProductSort.PRODUCT_SORT_TITLE });
    expect(title.map((p) => p.productId)).toEqual(
      [...made].sort(byIdThen((m) => m.title.toLowerCase())).map((m) => m.id),
    );

    const inEu = made.filter((m) => m.eu !== undefined);
    const cheapest = await all({
      sort: ProductSort.PRODUCT_SORT_PRICE_ASC,
      filter: filter({ region: 'eu' }),
    });
    expect(cheapest.map((p) => p.productId)).toEqual([...inEu].sort(byIdThen((m) => m.eu!)).map((m) => m.id));
    expect(cheapest.map((p) => Number(p.fromPrice?.amountMinor))).toEqual(
      [...inEu].sort(byIdThen((m) => m.eu!)).map((m) => m.eu),
    );
    const dearest = await all({
      sort: ProductSort.PRODUCT_SORT_PRICE_DESC,
      filter: filter({ region: 'eu' }),
    });
    expect(dearest.map((p) => p.productId)).toEqual(
      [...inEu].sort(byIdThen((m) => m.eu!, true)).map((m) => m.id),
    );
  });

  it('filters by category (with sub-categories), region and price range', async () => {
    const lighting = await all({ filter: filter({ category: 'home/lighting' }) });
    expect(new Set(lighting.map((p) => p.productId))).toEqual(
      new Set(made.filter((m) => m.category === 'home/lighting').map((m) => m.id)),
    );
    expect(await all({ filter: filter({ category: 'home' }) })).toHaveLength(made.length);
    expect(await all({ filter: filter({ category: 'garden' }) })).toHaveLength(0);

    const range = await all({ filter: filter({ region: 'eu', minPriceMinor: '800', maxPriceMinor: '900' }) });
    expect(new Set(range.map((p) => p.productId))).toEqual(
      new Set(made.filter((m) => m.eu !== undefined && m.eu >= 800 && m.eu <= 900).map((m) => m.id)),
    );
    const us = await all({ filter: filter({ region: 'us' }) });
    expect(new Set(us.map((p) => p.productId))).toEqual(
      new Set(made.filter((m) => m.eu === undefined).map((m) => m.id)),
    );
  });

  it('refuses a page token under other filters, and a price range without a region', async () => {
    const { page } = await api.listProducts({ page: { pageSize: 2, pageToken: '' } }, { tenant });
    expect(
      await failure(
        api.listProducts(
          { page: { pageSize: 2, pageToken: page!.nextPageToken }, filter: filter({ category: 'home' }) },
          { tenant },
        ),
      ),
    ).toEqual({
      code: status.INVALID_ARGUMENT,
      reason: 'Catalog.InvalidPageToken',
      fields: ['page.pageToken'],
    });
    expect(
      await failure(api.listProducts({ filter: filter({ minPriceMinor: '100' }) }, { tenant })),
    ).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fields: ['filter.region'],
    });
  });

  it('shows a new product on the next (cached) first page at once, and never twice while paging', async () => {
    const first = await api.listProducts({ page: { pageSize: 5, pageToken: '' } }, { tenant });
    const again = await api.listProducts({ page: { pageSize: 5, pageToken: '' } }, { tenant }); // from the cache
    expect(again).toEqual(first);
    const { product } = await api.createProduct(
      { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput({ title: 'Brand new' }) },
      { token: admin },
    );
    const after = await api.listProducts({ page: { pageSize: 5, pageToken: '' } }, { tenant });
    expect(after.products[0]?.productId).toBe(product?.productId);
    // Paging on from the old cursor (created before the product) never meets the new product.
    const rest = await api.listProducts(
      { page: { pageSize: 100, pageToken: first.page!.nextPageToken } },
      { tenant },
    );
    expect(rest.products.map((p) => p.productId)).not.toContain(product?.productId);
    expect([...first.products, ...rest.products]).toHaveLength(made.length);
  });
});
