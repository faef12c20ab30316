import type { Pool } from 'pg';
import type { Product } from '@shopstream/proto/catalog/v1/product.js';
import { catalogApi, idempotencyKey, productInput, skuInput } from '@shopstream/testing/catalog';
import { createTestTenant, signedInUser } from '@shopstream/testing/identity';

export interface CartShop {
  readonly tenantId: string;
  readonly adminToken: string;
  /** Two SKUs: the first priced in eu (EUR 25.00, 10 in stock) and us (USD 29.00, 5 in stock). */
  readonly product: Product;
}

/** A shop with a catalog admin and one active product with two SKUs, made through the real catalog. */
export async function cartShop(identity: Pool, prefix: string, tenantId?: string): Promise<CartShop> {
  const tenant = tenantId ?? (await createTestTenant(identity, prefix));
  const admin = await signedInUser(identity, tenant, { roles: ['catalog.admin:eu'], admin: true });
  const catalog = catalogApi();
  try {
    const { product } = await catalog.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({
          skus: [
            skuInput(),
            skuInput({
              prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '1000' } }],
              initialStock: [{ region: 'eu', quantity: '3' }],
            }),
          ],
        }),
      },
      { token: admin.accessToken },
    );
    if (!product) throw new Error('CreateProduct returned no product');
    return { tenantId: tenant, adminToken: admin.accessToken, product };
  } finally {
    catalog.close();
  }
}

/** Sets the eu price of the product's first SKU (a new product version, as an admin would). */
export async function changeEuPrice(shop: CartShop, amountMinor: string): Promise<void> {
  const catalog = catalogApi();
  try {
    const { product } = await catalog.getProduct(
      { productId: shop.product.productId },
      { token: shop.adminToken, noCache: true },
    );
    if (!product) throw new Error('no product');
    await catalog.updateProduct(
      {
        idempotencyKey: idempotencyKey(),
        productId: product.productId,
        expectedVersion: product.version,
        product: {
          title: product.title,
          description: product.description,
          category: product.category,
          brand: product.brand,
          attributes: product.attributes,
          media: product.media,
          status: product.status,
          skus: product.skus.map((sku, i) => ({
            skuId: sku.skuId,
            code: sku.code,
            options: sku.options,
            prices: sku.prices.map((p) =>
              i === 0 && p.region === 'eu'
                ? { region: 'eu', price: { currencyCode: 'EUR', amountMinor } }
                : p,
            ),
            initialStock: [],
          })),
        },
      },
      { token: shop.adminToken },
    );
  } finally {
    catalog.close();
  }
}

export const skuOf = (shop: CartShop, index = 0): string => {
  const sku = shop.product.skus[index];
  if (!sku) throw new Error(`no SKU ${index}`);
  return sku.skuId;
};
