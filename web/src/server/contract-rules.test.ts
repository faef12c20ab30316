import { PRODUCT_LIMITS } from '@shopstream/catalog/rules';
import { isTenantId } from '@shopstream/service-defaults/contracts/tenant-id';
import { describe, expect, it } from 'vitest';
import { createProductSchema } from '../features/admin/product-form-schema';
import { parseListingQuery } from '../features/catalog/catalog-query';
import { parseMediaKey } from '../features/catalog/media-key';
import { webConfig, WebConfigError } from './config';
import { tenantFromHost } from './tenant-from-host';

/** The web app applies the services' rules, not copies of them (issue 15 §2). */
describe('contract rules the web app shares with the services', () => {
  const candidates = [
    'demo',
    'a',
    'ab',
    'shop-2',
    '-shop',
    'Shop',
    'a'.repeat(63),
    'a'.repeat(64),
    'tenant_a',
  ];

  it.each(candidates)('takes %j as a tenant exactly when the services do', (id) => {
    const accepted = isTenantId(id);
    expect(tenantFromHost(`${id}.localhost:3000`, 'fallback') === id).toBe(accepted);
    expect(parseMediaKey([id, 'products', '1.png']).ok).toBe(accepted);
  });

  it('refuses a one-letter default tenant, which the services would refuse on every call', () => {
    const env = {
      NODE_ENV: 'test' as const,
      APP_PORT: '1',
      HEALTH_PORT: '2',
      DAPR_HTTP_PORT: '3',
      DAPR_GRPC_PORT: '4',
      DAPR_API_TOKEN: 't',
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_ACCESS_KEY_ID: 'k',
      S3_SECRET_ACCESS_KEY: 's',
      WEB_DEFAULT_TENANT: 'a',
    };
    expect(() => webConfig(env)).toThrow(WebConfigError);
  });

  it("checks the product form against catalog's own limits", () => {
    const valid = {
      title: 'Lamp',
      brand: 'Acme',
      category: 'home/lighting',
      description: '',
      status: 'draft',
      price: '24.90',
      ownerRegion: 'eu',
      currency: 'EUR',
      skuCode: 'LAMP-1',
      stock: String(PRODUCT_LIMITS.stockQuantity),
    };
    expect(createProductSchema.safeParse(valid).success).toBe(true);
    const tooLong = { ...valid, title: 'x'.repeat(PRODUCT_LIMITS.title + 1) };
    expect(createProductSchema.safeParse(tooLong).success).toBe(false);
    const tooMuch = { ...valid, stock: String(PRODUCT_LIMITS.stockQuantity + 1) };
    expect(createProductSchema.safeParse(tooMuch).success).toBe(false);
    expect(createProductSchema.safeParse({ ...valid, skuCode: 'lamp-1' }).success).toBe(false);
  });

  it("checks the listing's category filter against catalog's category rule", () => {
    expect(parseListingQuery({ category: 'home/lighting' }).errors).toEqual({});
    expect(parseListingQuery({ category: 'a/b/c/d/e' }).errors.category).toBeDefined();
    const long = 'a'.repeat(PRODUCT_LIMITS.category + 1);
    expect(parseListingQuery({ category: long }).errors.category).toBeDefined();
  });
});
