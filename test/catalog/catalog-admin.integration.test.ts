import { status } from '@grpc/grpc-js';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeKind, ProductStatus, type Product } from '@shopstream/proto/catalog/v1/product.js';
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
 * Admin writes and reads of the `catalog` app through the sidecars, with real users signed in at identity:
 * create → read, optimistic concurrency, history, validation with field names, region ownership,
 * idempotent retries, archive, drafts.
 */
describe('catalog admin API through the sidecars', () => {
  let identity: Pool;
  let api: CatalogApi;
  let tenant = '';
  let euAdmin = '';
  let euAdmin2 = '';
  let usAdmin = '';
  let tenantAdmin = '';
  let shopper = '';

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-admin-test');
    api = catalogApi();
    tenant = await createTestTenant(identity, 'cat-admin');
    const tokens = await signedInTokens(identity, tenant, [
      { roles: ['catalog.admin:eu'] },
      { roles: ['catalog.admin:eu'] },
      { roles: ['catalog.admin:us'] },
      { admin: true },
      { roles: ['customer'] },
    ]);
    [euAdmin, euAdmin2, usAdmin, tenantAdmin, shopper] = tokens as [string, string, string, string, string];
  });

  afterAll(async () => {
    api?.close();
    await identity?.end();
  });

  const create = async (token = euAdmin, overrides = {}): Promise<Product> => {
    const { product } = await api.createProduct(
      { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput(overrides) },
      { token },
    );
    if (product === undefined) throw new Error('no product');
    return product;
  };

  it('creates a product that GetProduct and ListProducts return at once, also to anonymous shoppers', async () => {
    const created = await create();
    expect(created).toMatchObject({ tenantId: tenant, ownerRegion: 'eu', version: '1', sequence: '1' });
    expect(created.skus[0]?.stock).toEqual([
      { region: 'eu', available: '10', reserved: '0', sold: '0' },
      { region: 'us', available: '5', reserved: '0', sold: '0' },
    ]);

    const { product } = await api.getProduct({ productId: created.productId }, { tenant });
    expect(product).toEqual(created);

    const { products } = await api.listProducts(
      { filter: { category: 'test', region: 'eu', minPriceMinor: '0', maxPriceMinor: '0', status: 0 } },
      { tenant },
    );
    expect(products.map((p) => p.productId)).toContain(created.productId);
    expect(products.find((p) => p.productId === created.productId)?.fromPrice).toEqual({
      currencyCode: 'EUR',
      amountMinor: '2500',
    });
  });

  it('refuses an edit based on a stale version (ABORTED) and writes nothing for it', async () => {
    const created = await create();
    const edit = (title: string, token: string) =>
      api.updateProduct(
        {
          idempotencyKey: idempotencyKey(),
          productId: created.productId,
          expectedVersion: '1',
          product: productInput({
            title,
            skus: created.skus.map((s) => ({ ...skuInput(), skuId: s.skuId, code: s.code })),
          }),
        },
        { token },
      );
    // Two admins edit version 1 at the same time: exactly one wins.
    const results = await Promise.all([
      outcome(edit('Edited by one', euAdmin)),
      outcome(edit('Edited by two', euAdmin2)),
    ]);
    expect(results.filter((r) => r === 'ok')).toHaveLength(1);
    expect(results.find((r) => r !== 'ok')).toEqual({
      code: status.ABORTED,
      reason: 'Catalog.VersionConflict',
      fields: ['expectedVersion'],
    });

    const { product } = await api.getProduct({ productId: created.productId }, { tenant });
    expect(product?.version).toBe('2');
    const { versions } = await api.listProductVersions({ productId: created.productId }, { token: euAdmin });
    expect(versions.map((v) => v.version)).toEqual(['2', '1']);
  });

  it('keeps every version in the history: who, when, what changed, the content as of then', async () => {
    const created = await create(euAdmin);
    const sku = created.skus[0]!;
    const update = async (
      expectedVersion: string,
      token: string,
      overrides: Parameters<typeof productInput>[0],
    ) =>
      (
        await api.updateProduct(
          {
            idempotencyKey: idempotencyKey(),
            productId: created.productId,
            expectedVersion,
            product: productInput({ title: created.title, ...overrides }),
          },
          { token },
        )
      ).product!;
    await update('1', euAdmin, {
      skus: [
        {
          ...skuInput(),
          skuId: sku.skuId,
          code: sku.code,
          prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '1999' } }],
          initialStock: [],
        },
      ],
    });
    const v3 = await update('2', tenantAdmin, {
      title: 'Renamed',
      attributes: { material: 'wool' },
      skus: [
        {
          ...skuInput(),
          skuId: sku.skuId,
          code: sku.code,
          prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '1999' } }],
          initialStock: [],
        },
        skuInput({ code: 'ADDED-' + sku.code }),
      ],
    });
    await api.archiveProduct(
      { idempotencyKey: idempotencyKey(), productId: created.productId, expectedVersion: v3.version },
      { token: euAdmin },
    );

    const { versions } = await api.listProductVersions({ productId: created.productId }, { token: euAdmin });
    expect(
      versions.map((v) => ({
        version: v.version,
        change: v.change,
        fields: v.changedFields,
        title: v.snapshot?.title,
      })),
    ).toEqual([
      { version: '4', change: ChangeKind.CHANGE_KIND_ARCHIVED, fields: ['status'], title: 'Renamed' },
      {
        version: '3',
        change: ChangeKind.CHANGE_KIND_UPDATED,
        fields: ['attributes.material', `skus[ADDED-${sku.code}]`, 'title'],
        title: 'Renamed',
      },
      {
        version: '2',
        change: ChangeKind.CHANGE_KIND_UPDATED,
        fields: [`skus[${sku.code}].prices.eu`, `skus[${sku.code}].prices.us`],
        title: created.title,
      },
      { version: '1', change: ChangeKind.CHANGE_KIND_CREATED, fields: [], title: created.title },
    ]);
    expect(versions[0]?.snapshot?.status).toBe(ProductStatus.PRODUCT_STATUS_ARCHIVED);
    expect(versions.every((v) => v.changedAt !== undefined && v.changedBy.length > 0)).toBe(true);
    expect(new Set(versions.map((v) => v.changedBy)).size).toBe(2); // the EU admin and the tenant admin

    // Archived: final, and no longer listed.
    expect(
      await failure(
        api.updateProduct(
          {
            idempotencyKey: idempotencyKey(),
            productId: created.productId,
            expectedVersion: '4',
            product: productInput(),
          },
          { token: euAdmin },
        ),
      ),
    ).toMatchObject({ code: status.ABORTED, reason: 'Catalog.ProductArchived' });
    const { products } = await api.listProducts(
      { page: { pageSize: 100, pageToken: '' } },
      { tenant, noCache: true },
    );
    expect(products.map((p) => p.productId)).not.toContain(created.productId);
  });

  it('answers bad input with the offending fields and writes nothing', async () => {
    const bad = (product: Parameters<typeof productInput>[0], ownerRegion = 'eu') =>
      failure(
        api.createProduct(
          { idempotencyKey: idempotencyKey(), ownerRegion, product: productInput(product) },
          { token: tenantAdmin },
        ),
      );
    expect(
      await bad({
        title: '',
        skus: [
          skuInput({
            prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '-100' } }],
            initialStock: [],
          }),
          skuInput({
            prices: [{ region: 'us', price: { currencyCode: 'ABC', amountMinor: '100' } }],
            initialStock: [],
          }),
        ],
      }),
    ).toEqual({
      code: status.INVALID_ARGUMENT,
      reason: 'Catalog.InvalidProduct',
      fields: [
        'product.skus.0.prices.0.price.amountMinor',
        'product.skus.1.prices.0.price.currencyCode',
        'product.title',
      ],
    });
    expect(await bad({}, 'Not a region')).toMatchObject({
      code: status.INVALID_ARGUMENT,
      fields: ['ownerRegion'],
    });
    // Too large is its own kind: RESOURCE_EXHAUSTED with `x-error-kind: too_large` (HTTP 413, not 429).
    expect(await bad({ description: 'x'.repeat(300_000) })).toEqual({
      code: status.RESOURCE_EXHAUSTED,
      reason: 'Catalog.PayloadTooLarge',
      fields: ['product'],
    });
    expect(
      await failure(
        api.createProduct(
          { idempotencyKey: 'short', ownerRegion: 'eu', product: productInput() },
          { token: euAdmin },
        ),
      ),
    ).toMatchObject({ code: status.INVALID_ARGUMENT, fields: ['idempotencyKey'] });

    // A SKU code another product of the tenant already uses.
    const existing = await create();
    expect(await bad({ skus: [skuInput(), skuInput({ code: existing.skus[0]!.code })] })).toEqual({
      code: status.ABORTED,
      reason: 'Catalog.DuplicateSkuCode',
      fields: ['product.skus.1.code'],
    });
  });

  it('lets only admins of the owning region (or tenant admins) write, and only signed-in callers', async () => {
    const created = await create(euAdmin);
    const change = (token: string | undefined) =>
      failure(
        api.updateProduct(
          {
            idempotencyKey: idempotencyKey(),
            productId: created.productId,
            expectedVersion: '1',
            product: productInput(),
          },
          token === undefined ? { tenant } : { token },
        ),
      );
    expect(await change(usAdmin)).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'Catalog.NotRegionAdmin',
    });
    expect(await change(shopper)).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'Catalog.NotRegionAdmin',
    });
    expect(await change(undefined)).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'Auth.MissingToken',
    });
    expect(await change('not-a-token')).toMatchObject({
      code: status.UNAUTHENTICATED,
      reason: 'Auth.InvalidToken',
    });
    expect(
      await failure(
        api.createProduct(
          { idempotencyKey: idempotencyKey(), ownerRegion: 'us', product: productInput() },
          { token: euAdmin },
        ),
      ),
    ).toMatchObject({ code: status.PERMISSION_DENIED, reason: 'Catalog.NotRegionAdmin' });
    // The US admin may create US products; the tenant admin any region's.
    await expect(
      api.createProduct(
        { idempotencyKey: idempotencyKey(), ownerRegion: 'us', product: productInput() },
        { token: usAdmin },
      ),
    ).resolves.toMatchObject({ product: { ownerRegion: 'us' } });
    const { versions } = await api.listProductVersions({ productId: created.productId }, { token: euAdmin });
    expect(versions).toHaveLength(1); // nothing was written by the refused calls
  });

  it('replays a retried create with the same key instead of creating twice; refuses the key for another request', async () => {
    const key = idempotencyKey();
    const input = productInput();
    const [a, b] = await Promise.all([
      api.createProduct({ idempotencyKey: key, ownerRegion: 'eu', product: input }, { token: euAdmin }),
      api.createProduct({ idempotencyKey: key, ownerRegion: 'eu', product: input }, { token: euAdmin }),
    ]);
    expect(a.product?.productId).toBe(b.product?.productId);
    const again = await api.createProduct(
      { idempotencyKey: key, ownerRegion: 'eu', product: input },
      { token: euAdmin },
    );
    expect(again.product).toEqual(a.product);
    expect(
      await failure(
        api.createProduct(
          { idempotencyKey: key, ownerRegion: 'eu', product: { ...input, title: 'Other' } },
          { token: euAdmin },
        ),
      ),
    ).toMatchObject({
      code: status.ABORTED,
      reason: 'Catalog.IdempotencyKeyReused',
      fields: ['idempotencyKey'],
    });
  });

  it('shows drafts to catalog admins only', async () => {
    const draft = await create(euAdmin, { status: ProductStatus.PRODUCT_STATUS_DRAFT });
    for (const as of [{ tenant }, { token: shopper }]) {
      expect(await failure(api.getProduct({ productId: draft.productId }, as))).toMatchObject({
        code: status.NOT_FOUND,
        reason: 'Catalog.ProductNotFound',
      });
    }
    await expect(api.getProduct({ productId: draft.productId }, { token: usAdmin })).resolves.toMatchObject({
      product: { status: ProductStatus.PRODUCT_STATUS_DRAFT },
    });
    const listed = async (token: string) =>
      (
        await api.listProducts({ page: { pageSize: 100, pageToken: '' } }, { token, noCache: true })
      ).products.map((p) => p.productId);
    expect(await listed(shopper)).not.toContain(draft.productId);
    expect(await listed(euAdmin)).toContain(draft.productId);
  });
});
