import { describe, expect, it } from 'vitest';
import { addItemSchema, quantitySchema, setQuantitySchema } from './cart-schemas';

const id = '0b8e6c0e-6f3a-4c59-9d7e-2b1f0f2a8c11';

describe('cart form rules', () => {
  it('takes whole quantities from 1 to 99 and refuses the rest', () => {
    expect(quantitySchema.parse(' 7 ')).toBe(7);
    expect(quantitySchema.parse('99')).toBe(99);
    for (const bad of ['0', '100', '10000', '-1', '1.5', '', 'two', '1e1'])
      expect(quantitySchema.safeParse(bad).success, bad).toBe(false);
  });

  it('needs UUIDs and a region of the shop', () => {
    expect(addItemSchema.safeParse({ productId: id, skuId: id, region: 'eu', quantity: '1' }).success).toBe(
      true,
    );
    expect(addItemSchema.safeParse({ productId: 'x', skuId: id, region: 'eu', quantity: '1' }).success).toBe(
      false,
    );
    expect(setQuantitySchema.safeParse({ skuId: id, region: 'mars', quantity: '1' }).success).toBe(false);
  });
});
