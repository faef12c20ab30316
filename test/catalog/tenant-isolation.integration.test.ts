import { status } from '@grpc/grpc-js';
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
  type CatalogApi,
} from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';

const TENANT_TABLES = [
  'idempotency_keys',
  'product_region_prices',
  'product_versions',
  'products',
  'sku_prices',
  'skus',
  'stock_levels',
  'stock_reservations',
];

/** A user of tenant A can neither read nor change tenant B's catalog, through any RPC or in SQL. */
describe('catalog tenant isolation', () => {
  let identity: Pool;
  let catalogDb: Pool;
  let api: CatalogApi;
  let tenantA = '';
  let tenantB = '';
  let adminA = '';
  let adminB = '';
  let productB: Product;

  beforeAll(async () => {
    identity = identityDatabasePool('catalog-isolation-test');
    catalogDb = catalogDatabasePool('catalog-isolation-test');
    api = catalogApi();
    [tenantA, tenantB] = await Promise.all([
      createTestTenant(identity, 'cat-iso-a'),
      createTestTenant(identity, 'cat-iso-b'),
    ]);
    // Tenant administrators with every catalog role: the strongest users of their tenant.
    const roles = ['catalog.admin:eu', 'catalog.stock'];
    const tokens = await Promise.all(
      [tenantA, tenantB].map(
        async (t) => (await signedInUser(identity, t, { roles, admin: true })).accessToken,
      ),
    );
    [adminA, adminB] = tokens as [string, string];
    await api.createProduct(
      { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput() },
      { token: adminA },
    );
    productB = (
      await api.createProduct(
        { idempotencyKey: idempotencyKey(), ownerRegion: 'eu', product: productInput() },
        { token: adminB },
      )
    ).product!;
  });

  afterAll(async () => {
    api?.close();
    await Promise.all([identity?.end(), catalogDb?.end()]);
  });

  it("answers every RPC on tenant B's product from tenant A's admin as if it did not exist", async () => {
    const { productId } = productB;
    const skuId = productB.skus[0]!.skuId;
    const asA = { token: adminA };
    const notFound = { code: status.NOT_FOUND };
    expect(await failure(api.getProduct({ productId }, asA))).toMatchObject({
      ...notFound,
      reason: 'Catalog.ProductNotFound',
    });
    expect(await failure(api.listProductVersions({ productId }, asA))).toMatchObject(notFound);
    expect(
      await failure(
        api.updateProduct(
          { idempotencyKey: idempotencyKey(), productId, expectedVersion: '1', product: productInput() },
          asA,
        ),
      ),
    ).toMatchObject(notFound);
    expect(
      await failure(
        api.archiveProduct({ idempotencyKey: idempotencyKey(), productId, expectedVersion: '1' }, asA),
      ),
    ).toMatchObject(notFound);
    expect(
      await failure(
        api.updateStock(
          {
            idempotencyKey: idempotencyKey(),
            operation: StockOperation.STOCK_OPERATION_RESERVE,
            skuId,
            region: 'eu',
            quantity: '1',
          },
          asA,
        ),
      ),
    ).toMatchObject({ ...notFound, reason: 'Catalog.SkuNotFound' });
    expect(
      await failure(
        api.setStock({ idempotencyKey: idempotencyKey(), skuId, region: 'eu', available: '0' }, asA),
      ),
    ).toMatchObject({ ...notFound, reason: 'Catalog.SkuNotFound' });
    const listed = await api.listProducts(
      { page: { pageSize: 100, pageToken: '' } },
      { ...asA, noCache: true },
    );
    expect(listed.products.length).toBeGreaterThan(0);
    expect(listed.products.map((p) => p.productId)).not.toContain(productId);

    // Naming tenant B next to A's token is refused; anonymous reads of tenant A do not see B's product.
    expect(await failure(api.getProduct({ productId }, { token: adminA, tenant: tenantB }))).toMatchObject({
      code: status.PERMISSION_DENIED,
      reason: 'Auth.WrongTenant',
    });
    expect(await failure(api.getProduct({ productId }, { tenant: tenantA }))).toMatchObject(notFound);
    expect(await failure(api.getProduct({ productId }, {}))).toMatchObject({
      code: status.INVALID_ARGUMENT,
      reason: 'Catalog.TenantRequired',
    });

    // And B's product is exactly as it was.
    expect((await api.getProduct({ productId }, { token: adminB, noCache: true })).product).toEqual(productB);
  });

  it('enforces it in SQL: FORCE row-level security on every tenant table, no bypass for the catalog role', async () => {
    const role = await catalogDb.query<{ rolsuper: boolean; rolbypassrls: boolean }>(
      'SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
    const tables = await catalogDb.query<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      `SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class
       WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND relname NOT IN ('outbox', 'schema_migrations')
       ORDER BY relname`,
    );
    expect(tables.rows).toEqual(
      TENANT_TABLES.map((relname) => ({ relname, relrowsecurity: true, relforcerowsecurity: true })),
    );

    const ids = (tenant: string) =>
      withTenant(catalogDb, tenant, async (c) =>
        (await c.query<{ id: string }>('SELECT id FROM products')).rows.map((r) => r.id),
      );
    expect(await ids(tenantA)).not.toContain(productB.productId);
    expect(await ids(tenantB)).toEqual([productB.productId]);

    await expect(
      withTenant(catalogDb, tenantA, (c) =>
        c.query(
          `INSERT INTO products (tenant_id, id, owner_region, status, title, description, category, brand, version,
             sequence, created_at, updated_at, updated_by)
           VALUES ($1, gen_random_uuid(), 'eu', 'active', 't', '', 'c', 'b', 1, 1, now(), now(), 'x')`,
          [tenantB],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const touched = await withTenant(catalogDb, tenantA, async (c) => [
      (await c.query("UPDATE products SET title = 'hijacked' WHERE id = $1", [productB.productId])).rowCount,
      (await c.query('UPDATE stock_levels SET available = 0 WHERE sku_id = $1', [productB.skus[0]!.skuId]))
        .rowCount,
      (await c.query('DELETE FROM sku_prices WHERE sku_id = $1', [productB.skus[0]!.skuId])).rowCount,
    ]);
    expect(touched).toEqual([0, 0, 0]);

    // Outside withTenant (no app.tenant_id) nothing is visible: RLS fails closed.
    const client = await catalogDb.connect();
    try {
      const outside = await client.query('SELECT id FROM products').then(
        (r) => r.rowCount,
        (e: Error) => e.message,
      );
      expect(outside === 0 || /app\.tenant_id/.test(String(outside))).toBe(true);
    } finally {
      client.release();
    }
  });

  it('keeps versions immutable even for the owning role', async () => {
    await expect(
      withTenant(catalogDb, tenantB, (c) =>
        c.query("UPDATE product_versions SET changed_by = 'forger' WHERE product_id = $1", [
          productB.productId,
        ]),
      ),
    ).rejects.toThrow(/immutable/);
    await expect(
      withTenant(catalogDb, tenantB, (c) =>
        c.query('DELETE FROM product_versions WHERE product_id = $1', [productB.productId]),
      ),
    ).rejects.toThrow(/immutable/);
  });
});
