import { DomainError } from '@shopstream/service-defaults';
import { describe, expect, it } from 'vitest';
import { parseProductInput } from './product-input.js';
import { productInputFixture } from './testing/product-input-fixture.js';

const TENANT = 'tenant-a';

function fieldsOf(input: unknown): Record<string, string> {
  try {
    parseProductInput(input, TENANT);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    expect(error.code).toBe('Catalog.InvalidProduct');
    return Object.fromEntries(error.fields.map((f) => [f.field, f.detail]));
  }
  throw new Error('expected a validation error');
}

const sku = (overrides: Record<string, unknown>) => ({
  ...(productInputFixture().skus as Record<string, unknown>[])[0],
  ...overrides,
});

describe('parseProductInput', () => {
  it('accepts a valid product and normalises it (trimmed text, sorted maps and prices, numbers)', () => {
    const draft = parseProductInput(
      productInputFixture({ title: '  Linen shirt  ', attributes: { material: 'linen', care: 'wash' } }),
      TENANT,
    );
    expect(draft.content.title).toBe('Linen shirt');
    expect(Object.keys(draft.content.attributes)).toEqual(['care', 'material']);
    expect(draft.skus[0]).toEqual({
      id: undefined,
      code: 'SHIRT-M',
      options: { size: 'M' },
      prices: [
        { region: 'eu', currency: 'EUR', amountMinor: 4900 },
        { region: 'us', currency: 'USD', amountMinor: 5500 },
      ],
      initialStock: [{ region: 'eu', quantity: 20 }],
    });
  });

  it.each([
    ['-1', 'must not be negative'],
    ['12.50', 'whole number'],
    ['1e3', 'whole number'],
    ['', 'whole number'],
    ['1000000000001', 'at most'],
  ])('refuses the price amount %j, naming the field', (amountMinor, detail) => {
    const fields = fieldsOf(
      productInputFixture({
        skus: [sku({ prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor } }] })],
      }),
    );
    expect(fields['product.skus.0.prices.0.price.amountMinor']).toMatch(detail);
  });

  it('refuses unknown and lower-case currency codes', () => {
    for (const currencyCode of ['XYZ', 'eur', 'EURO']) {
      const fields = fieldsOf(
        productInputFixture({
          skus: [sku({ prices: [{ region: 'eu', price: { currencyCode, amountMinor: '1' } }] })],
        }),
      );
      expect(fields['product.skus.0.prices.0.price.currencyCode']).toMatch(/ISO 4217/);
    }
  });

  it('refuses duplicate SKU codes and duplicate regions within the request', () => {
    const fields = fieldsOf(
      productInputFixture({
        skus: [
          sku({}),
          sku({
            prices: [
              { region: 'eu', price: { currencyCode: 'EUR', amountMinor: '1' } },
              { region: 'eu', price: { currencyCode: 'EUR', amountMinor: '2' } },
            ],
            initialStock: [],
          }),
        ],
      }),
    );
    expect(fields['product.skus.1.code']).toMatch(/duplicates skus.0.code/);
    expect(fields['product.skus.1.prices.1.region']).toMatch(/one price per region/);
  });

  it('names every missing or oversized field at once', () => {
    const fields = fieldsOf(
      productInputFixture({
        title: '   ',
        description: 'x'.repeat(5001),
        brand: 'b'.repeat(101),
        category: 'Not A Category',
        skus: [],
        status: 'archived',
      }),
    );
    expect(Object.keys(fields).sort()).toEqual([
      'product.brand',
      'product.category',
      'product.description',
      'product.skus',
      'product.status',
      'product.title',
    ]);
  });

  it('refuses too many attributes and SKUs, and unsafe attribute names', () => {
    const many = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`a${i}`, 'v']));
    const fields = fieldsOf(
      productInputFixture({
        attributes: many,
        skus: Array.from({ length: 51 }, (_, i) => sku({ code: `C-${i}` })),
      }),
    );
    expect(fields['product.attributes']).toMatch(/at most 30/);
    expect(fields['product.skus']).toMatch(/at most 50/);
    expect(
      fieldsOf(productInputFixture({ attributes: { 'Bad Key': 'v' } }))['product.attributes.Bad Key'],
    ).toMatch(/names must be/);
  });

  it('refuses stock in a region without a price, negative stock, and mixed currencies in one region', () => {
    const fields = fieldsOf(
      productInputFixture({
        skus: [
          sku({ initialStock: [{ region: 'apac', quantity: '5' }] }),
          sku({ code: 'SHIRT-L', initialStock: [{ region: 'eu', quantity: '-1' }] }),
        ],
      }),
    );
    expect(fields['product.skus.0.initialStock.0.region']).toMatch(/no price/);
    expect(fields['product.skus.1.initialStock.0.quantity']).toMatch(/whole number/);
    // Cross-SKU rules are checked once every SKU is valid on its own.
    const mixed = fieldsOf(
      productInputFixture({
        skus: [
          sku({}),
          sku({
            code: 'SHIRT-L',
            prices: [{ region: 'eu', price: { currencyCode: 'GBP', amountMinor: '1' } }],
            initialStock: [],
          }),
        ],
      }),
    );
    expect(mixed['product.skus.1.prices.0.price.currencyCode']).toMatch(/one currency per region/);
  });

  it("refuses media outside the tenant's prefix", () => {
    const media = {
      bucket: 'catalog-media',
      key: 'tenant-b/x.png',
      contentType: 'image/png',
      altText: '',
      width: 1,
      height: 1,
    };
    expect(fieldsOf(productInputFixture({ media: [media] }))['product.media.0.key']).toMatch(/tenant id/);
    expect(() =>
      parseProductInput(productInputFixture({ media: [{ ...media, key: 'tenant-a/x.png' }] }), TENANT),
    ).not.toThrow();
  });

  it('refuses a missing product', () => {
    expect(fieldsOf(undefined)).toHaveProperty('product');
  });
});
