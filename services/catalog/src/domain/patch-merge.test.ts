import { describe, expect, it } from 'vitest';
import { conflictingFields, mergePatch, type LaterVersion } from './patch-merge.js';
import type { Product } from './product.js';
import { parseProductPatch } from './product-patch.js';

const RED = '00000000-0000-4000-8000-000000000001';
const BLUE = '00000000-0000-4000-8000-000000000002';

const product: Product = {
  id: '00000000-0000-4000-8000-0000000000aa',
  tenantId: 'demo',
  ownerRegion: 'eu',
  version: 3,
  sequence: 7,
  createdAt: 1,
  updatedAt: 2,
  updatedBy: 'u-1',
  title: 'Tee',
  description: '',
  category: 'apparel',
  brand: 'Acme',
  attributes: { material: 'cotton' },
  media: [],
  status: 'active',
  skus: [
    {
      id: RED,
      code: 'TEE-RED',
      options: {},
      prices: [
        { region: 'eu', currency: 'EUR', amountMinor: 2500 },
        { region: 'us', currency: 'USD', amountMinor: 2900 },
      ],
      stock: [{ region: 'eu', available: 4, reserved: 1, sold: 0 }],
    },
    {
      id: BLUE,
      code: 'TEE-BLUE',
      options: {},
      prices: [{ region: 'eu', currency: 'EUR', amountMinor: 2500 }],
      stock: [],
    },
  ],
};

const price = (region: string, currencyCode: string, amountMinor: string) => ({
  region,
  price: { currencyCode, amountMinor },
});
const patchOf = (patch: Record<string, unknown>, updateMask: string[]) =>
  parseProductPatch({ patch: { status: 'unspecified', ...patch }, updateMask }, 'demo');

describe('EditProduct patches', () => {
  it('changes only the masked fields and the named prices', () => {
    const patch = patchOf(
      {
        title: ' Tee 2 ',
        brand: 'ignored',
        skuPrices: [{ skuId: RED, prices: [price('us', 'USD', '3100')] }],
      },
      ['title', 'sku_prices'],
    );
    const draft = mergePatch(product, patch);
    expect(draft.content).toMatchObject({
      title: 'Tee 2',
      brand: 'Acme',
      attributes: { material: 'cotton' },
    });
    expect(draft.skus.map((s) => [s.id, s.prices.map((p) => `${p.region}:${p.amountMinor}`)])).toEqual([
      [RED, ['eu:2500', 'us:3100']],
      [BLUE, ['eu:2500']],
    ]);
  });

  it('refuses an empty or unknown mask, and fields it names that are invalid, by request field', () => {
    expect(() => patchOf({}, [])).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'updateMask' })] }),
    );
    expect(() => patchOf({}, ['owner_region'])).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'updateMask.0' })] }),
    );
    expect(() => patchOf({ title: '' }, ['title'])).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'patch.title' })] }),
    );
    expect(() => patchOf({ title: '' }, ['brand'])).toThrow(); // brand '' is named and invalid
    expect(() => patchOf({ skuPrices: [], skus: [] }, ['sku_prices', 'skus'])).toThrow();
  });

  it('refuses prices of a SKU that is not live, and a second currency in a region', () => {
    const ghost = patchOf(
      { skuPrices: [{ skuId: BLUE.replace('2', '9'), prices: [price('eu', 'EUR', '1')] }] },
      ['sku_prices'],
    );
    expect(() => mergePatch(product, ghost)).toThrow(
      expect.objectContaining({
        fields: [{ field: 'patch.skuPrices.0.skuId', detail: 'not a live SKU of this product' }],
      }),
    );
    const dollars = patchOf({ skuPrices: [{ skuId: BLUE, prices: [price('eu', 'USD', '100')] }] }, [
      'sku_prices',
    ]);
    expect(() => mergePatch(product, dollars)).toThrow(
      expect.objectContaining({
        fields: [expect.objectContaining({ field: 'patch.skuPrices.0.prices.0.price.currencyCode' })],
      }),
    );
  });
});

describe('conflicts with versions since the edit was based on', () => {
  const later = (changedFields: string[], skus = product.skus): LaterVersion => ({
    version: 4,
    changedFields,
    snapshot: { skus },
  });
  const titleEdit = patchOf({ title: 'New' }, ['title']);
  const usPriceOfRed = patchOf({ skuPrices: [{ skuId: RED, prices: [price('us', 'USD', '1')] }] }, [
    'sku_prices',
  ]);

  it('merges edits of different fields', () => {
    expect(conflictingFields(titleEdit, [later(['brand', 'skus[TEE-RED].prices.us'])])).toEqual([]);
    expect(
      conflictingFields(usPriceOfRed, [later(['title', 'skus[TEE-RED].prices.eu', 'skus[TEE-BLUE]'])]),
    ).toEqual([]);
  });

  it('refuses an edit of a field changed since', () => {
    expect(conflictingFields(titleEdit, [later(['brand']), later(['title'])])).toEqual(['title']);
    expect(conflictingFields(usPriceOfRed, [later(['skus[TEE-RED].prices.us'])])).toEqual([
      'skus[TEE-RED].prices.us',
    ]);
    const attributes = patchOf({ attributes: {} }, ['attributes']);
    expect(conflictingFields(attributes, [later(['attributes.material'])])).toEqual(['attributes.material']);
    const skuList = patchOf(
      {
        skus: [
          { skuId: RED, code: 'TEE-RED', options: {}, prices: [price('eu', 'EUR', '1')], initialStock: [] },
        ],
      },
      ['skus'],
    );
    expect(conflictingFields(skuList, [later(['skus'])])).toEqual(['skus']);
    expect(conflictingFields(skuList, [later(['title'])])).toEqual([]);
  });

  it('recognises a renamed SKU by the id in that version', () => {
    const renamed = product.skus.map((s) => (s.id === RED ? { ...s, code: 'TEE-CRIMSON' } : s));
    expect(
      conflictingFields(usPriceOfRed, [
        later(['skus[TEE-CRIMSON].code', 'skus[TEE-CRIMSON].prices.us'], renamed),
      ]),
    ).toEqual(['skus[TEE-CRIMSON].prices.us']);
  });
});
