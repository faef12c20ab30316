import { describe, expect, it } from 'vitest';
import type { SkuDraft } from './product-input.js';
import { planSkus } from './sku-plan.js';

const draft = (id: string | undefined, code: string): SkuDraft => ({
  id,
  code,
  options: {},
  prices: [],
  initialStock: [],
});

describe('planSkus', () => {
  it('keeps listed SKUs, adds new ones with fresh ids and retires the ones left out', () => {
    let n = 0;
    const plan = planSkus(
      ['a', 'b', 'c'],
      [draft('c', 'C'), draft(undefined, 'D'), draft('a', 'A')],
      () => `new-${++n}`,
    );
    expect(plan.skus.map((s) => [s.id, s.isNew, s.position])).toEqual([
      ['c', false, 0],
      ['new-1', true, 1],
      ['a', false, 2],
    ]);
    expect(plan.retiredIds).toEqual(['b']);
  });

  it('refuses ids that are not live SKUs of the product', () => {
    expect(() => planSkus(['a'], [draft('a', 'A'), draft('zzz', 'Z')], () => 'x')).toThrow(
      expect.objectContaining({
        code: 'Catalog.InvalidProduct',
        fields: [expect.objectContaining({ field: 'product.skus.1.skuId' })],
      }),
    );
  });
});
