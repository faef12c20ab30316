import { describe, expect, it } from 'vitest';
import { changedFields } from './product-diff.js';
import type { ProductSnapshot } from './product.js';

const base: ProductSnapshot = {
  id: 'p',
  tenantId: 't',
  ownerRegion: 'eu',
  version: 1,
  sequence: 1,
  createdAt: 0,
  updatedAt: 0,
  updatedBy: 'u',
  title: 'Mug',
  description: '',
  category: 'home/kitchen',
  brand: 'B',
  attributes: { material: 'stoneware', colour: 'blue' },
  media: [],
  status: 'draft',
  skus: [
    {
      id: 's1',
      code: 'MUG-S',
      options: { size: 'S' },
      prices: [{ region: 'eu', currency: 'EUR', amountMinor: 900 }],
    },
    {
      id: 's2',
      code: 'MUG-L',
      options: { size: 'L' },
      prices: [{ region: 'eu', currency: 'EUR', amountMinor: 1200 }],
    },
  ],
};

describe('changedFields', () => {
  it('is empty for identical content, whatever the key order (jsonb reorders keys)', () => {
    const reordered = { ...base, attributes: { colour: 'blue', material: 'stoneware' } };
    expect(changedFields(base, reordered)).toEqual([]);
  });

  it('names scalar fields, attributes, prices, options, added, retired and renamed SKUs', () => {
    const after: ProductSnapshot = {
      ...base,
      title: 'Big mug',
      status: 'active',
      attributes: { material: 'porcelain' },
      skus: [
        {
          ...base.skus[0]!,
          code: 'MUG-SMALL',
          prices: [{ region: 'eu', currency: 'EUR', amountMinor: 950 }],
        },
        { id: 's3', code: 'MUG-XL', options: { size: 'XL' }, prices: [] },
      ],
    };
    expect(changedFields(base, after)).toEqual([
      'attributes.colour',
      'attributes.material',
      'skus[MUG-L]',
      'skus[MUG-SMALL].code',
      'skus[MUG-SMALL].prices.eu',
      'skus[MUG-XL]',
      'status',
      'title',
    ]);
  });

  it('notices a reordering of SKUs', () => {
    expect(changedFields(base, { ...base, skus: [base.skus[1]!, base.skus[0]!] })).toEqual(['skus']);
  });
});
