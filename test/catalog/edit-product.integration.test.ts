import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProductPatch, type Product } from '@shopstream/proto/catalog/v1/product.js';
import {
  catalogApi,
  failure,
  idempotencyKey,
  outcome,
  productInput,
  skuInput,
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInTokens } from '@shopstream/testing/identity';

/**
 * EditProduct (adr/0035) through the sidecars: field-masked edits merge under catalog's row lock, an edit of a
 * field changed since its base version is refused, bad input writes nothing, and the admin list's summary
 * (updated_at, SKU count, owner-region price, stock on request) needs no GetProduct per row.
 */
describe('catalog EditProduct and the admin summary', () => {
  let identity: Pool;
  let api: CatalogApi;
  let euAdmin = '';
  let euAdmin2 = '';
  let usAdmin = '';

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-edit-test');
    api = catalogApi();
    const tenant = await createTestTenant(identity, 'cat-edit');
    [euAdmin, euAdmin2, usAdmin] = (await signedInTokens(identity, tenant, [
      { roles: ['catalog.admin:eu'] },
      { roles: ['catalog.admin:eu'] },
      { roles: ['catalog.admin:us'] },
    ])) as [string, string, string];
  });

  afterAll(async () => {
    api?.close();
    await identity?.end();
  });

  const create = async (): Promise<Product> => {
    const { product } = await api.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({ skus: [skuInput(), skuInput({ options: { size: 'L' } })] }),
      },
      { token: euAdmin },
    );
    if (product === undefined) throw new Error('no product');
    return product;
  };
  const current = async (id: string): Promise<Product> => {
    const { product } = await api.getProduct({ productId: id }, { token: euAdmin, noCache: true });
    if (product === undefined) throw new Error('no product');
    return product;
  };
  const versionsOf = async (id: string) =>
    (await api.listProductVersions({ productId: id }, { token: euAdmin })).versions;
  const edit = (
    product: Product,
    patch: Partial<ProductPatch>,
    updateMask: string[],
    token = euAdmin,
    key = idempotencyKey(),
  ) =>
    api.editProduct(
      {
        idempotencyKey: key,
        productId: product.productId,
        expectedVersion: product.version,
        patch: ProductPatch.fromPartial(patch),
        updateMask,
      },
      { token },
    );
  const price = (region: string, currencyCode: string, amountMinor: string) => ({
    region,
    price: { currencyCode, amountMinor },
  });

  it('merges concurrent edits of different fields made on the same version, one version each', async () => {
    const base = await create();
    const [small, large] = base.skus as [Product['skus'][0], Product['skus'][0]];
    const results = await Promise.all([
      edit(base, { title: 'Edited title' }, ['title']),
      edit(base, { brand: 'Other brand' }, ['brand'], euAdmin2),
      edit(base, { skuPrices: [{ skuId: small.skuId, prices: [price('eu', 'EUR', '2700')] }] }, [
        'sku_prices',
      ]),
      edit(base, { skuPrices: [{ skuId: large.skuId, prices: [price('us', 'USD', '4150')] }] }, [
        'sku_prices',
      ]),
    ]);
    const after = await current(base.productId);
    expect(after.version).toBe(String(Number(base.version) + 4));
    expect([...results.map((r) => r.product?.version)].sort()).toEqual(['2', '3', '4', '5']);
    expect(after.title).toBe('Edited title');
    expect(after.brand).toBe('Other brand');
    expect(after.description).toBe(base.description); // untouched
    const priceIn = (skuId: string, region: string) =>
      after.skus.find((s) => s.skuId === skuId)?.prices.find((p) => p.region === region)?.price?.amountMinor;
    expect(priceIn(small.skuId, 'eu')).toBe('2700');
    expect(priceIn(small.skuId, 'us')).toBe('2900'); // untouched
    expect(priceIn(large.skuId, 'us')).toBe('4150');
    expect(after.skus.find((s) => s.skuId === small.skuId)?.stock).toEqual(small.stock); // stock kept
    const history = await versionsOf(base.productId);
    expect(history).toHaveLength(5);
    expect(
      history
        .slice(0, 4)
        .flatMap((v) => v.changedFields)
        .sort(),
    ).toEqual(['brand', 'title', `skus[${small.code}].prices.eu`, `skus[${large.code}].prices.us`].sort());
  });

  it('refuses all but one of concurrent edits of the same field: the others get VersionConflict', async () => {
    const base = await create();
    const outcomes = await Promise.all(
      ['A', 'B', 'C', 'D'].map((letter, i) =>
        outcome(edit(base, { title: `Title ${letter}` }, ['title'], i % 2 === 0 ? euAdmin : euAdmin2)),
      ),
    );
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    for (const o of outcomes.filter((o) => o !== 'ok'))
      expect(o).toEqual({
        code: status.ABORTED,
        reason: 'Catalog.VersionConflict',
        fields: ['expectedVersion'],
      });
    const after = await current(base.productId);
    expect(after.version).toBe(String(Number(base.version) + 1));
    expect(['Title A', 'Title B', 'Title C', 'Title D']).toContain(after.title);
    expect(await versionsOf(base.productId)).toHaveLength(2);

    // A price edit based on the old version still lands: no version since changed that price.
    const [sku] = base.skus;
    await edit(base, { skuPrices: [{ skuId: sku?.skuId ?? '', prices: [price('eu', 'EUR', '100')] }] }, [
      'sku_prices',
    ]);
    // A second price edit of that same price, still based on the first version, is refused.
    expect(
      await failure(
        edit(base, { skuPrices: [{ skuId: sku?.skuId ?? '', prices: [price('eu', 'EUR', '200')] }] }, [
          'sku_prices',
        ]),
      ),
    ).toMatchObject({ code: status.ABORTED, reason: 'Catalog.VersionConflict' });
    const final = await current(base.productId);
    expect(final.skus[0]?.prices.find((p) => p.region === 'eu')?.price?.amountMinor).toBe('100');
    expect(final.version).toBe(String(Number(base.version) + 2));
  });

  it('writes nothing on bad input, for another region, or when nothing changes', async () => {
    const base = await create();
    const [sku] = base.skus;
    const bad = await failure(
      edit(
        base,
        { title: '', skuPrices: [{ skuId: sku?.skuId ?? '', prices: [price('eu', 'EUR', '-5')] }] },
        ['title', 'sku_prices'],
      ),
    );
    expect(bad).toEqual({
      code: status.INVALID_ARGUMENT,
      reason: 'Catalog.InvalidProduct',
      fields: ['patch.skuPrices.0.prices.0.price.amountMinor', 'patch.title'],
    });
    expect(await failure(edit(base, { title: 'x' }, []))).toMatchObject({ fields: ['updateMask'] });
    expect(await failure(edit(base, { title: 'x' }, ['owner_region']))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fields: ['updateMask.0'],
    });
    // A currency that the other SKU does not use in that region, named by the patch's field.
    expect(
      await failure(
        edit(base, { skuPrices: [{ skuId: sku?.skuId ?? '', prices: [price('eu', 'GBP', '100')] }] }, [
          'sku_prices',
        ]),
      ),
    ).toMatchObject({ fields: ['patch.skuPrices.0.prices.0.price.currencyCode'] });
    expect(await failure(edit(base, { title: 'Mine now' }, ['title'], usAdmin))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'Catalog.NotRegionAdmin',
    });
    // Nothing changes: no version, the product as it is.
    const same = await edit(base, { title: base.title }, ['title']);
    expect(same.product?.version).toBe(base.version);
    const after = await current(base.productId);
    expect(after.version).toBe(base.version);
    expect(after.title).toBe(base.title);
    expect(await versionsOf(base.productId)).toHaveLength(1);
  });

  it('replays a retry with the same key instead of editing twice', async () => {
    const base = await create();
    const key = idempotencyKey();
    const first = await edit(base, { description: 'Once.' }, ['description'], euAdmin, key);
    const again = await edit(base, { description: 'Once.' }, ['description'], euAdmin, key);
    expect(again.product?.version).toBe(first.product?.version);
    expect(await versionsOf(base.productId)).toHaveLength(2);
    expect(await failure(edit(base, { description: 'Twice?' }, ['description'], euAdmin, key))).toMatchObject(
      {
        reason: 'Catalog.IdempotencyKeyReused',
      },
    );
  });

  it('lists summaries wide enough for the admin list; stock only on request and never stale', async () => {
    const base = await create();
    const page = async (includeStock: boolean) => {
      const { products } = await api.listProducts(
        { page: { pageSize: 100, pageToken: '' }, includeStock },
        { token: euAdmin },
      );
      const row = products.find((p) => p.productId === base.productId);
      if (row === undefined) throw new Error('not listed');
      return row;
    };
    const summary = await page(false);
    expect(summary).toMatchObject({
      skuCount: 2,
      ownerRegionPrice: { currencyCode: 'EUR', amountMinor: '2500' },
      updatedAt: base.updatedAt,
      ownerRegionAvailable: undefined,
    });
    expect((await page(true)).ownerRegionAvailable).toBe('20'); // 10 + 10 in eu
    await api.setStock(
      { idempotencyKey: idempotencyKey(), skuId: base.skus[0]?.skuId ?? '', region: 'eu', available: '3' },
      { token: euAdmin },
    );
    expect((await page(true)).ownerRegionAvailable).toBe('13'); // at once: such pages are not cached
  });
});
