import { describe, expect, it } from 'vitest';
import {
  createProductSchema,
  fieldErrorsOf,
  fromMinorUnits,
  toMinorUnits,
  updateProductSchema,
} from './product-form-schema';

const valid = {
  title: '  Desk lamp  ',
  brand: 'Lumen',
  category: 'home/lighting',
  description: '',
  status: 'active',
  ownerRegion: 'eu',
  skuCode: 'LAMP-1',
  price: '24.90',
  currency: 'eur',
  stock: '7',
};

describe('back-office product form rules', () => {
  it('converts prices to and from minor units by the currency’s decimals', () => {
    expect(toMinorUnits('24.90', 'EUR')).toBe('2490');
    expect(toMinorUnits('24.9', 'EUR')).toBe('2490');
    expect(toMinorUnits('0.05', 'EUR')).toBe('5');
    expect(toMinorUnits('0', 'EUR')).toBe('0');
    expect(toMinorUnits('1500', 'JPY')).toBe('1500');
    expect(toMinorUnits('1.5', 'JPY')).toBeUndefined(); // yen has no minor unit
    expect(toMinorUnits('1.234', 'EUR')).toBeUndefined();
    expect(toMinorUnits('1', 'NOPE')).toBeUndefined();
    expect(fromMinorUnits('2490', 'EUR')).toBe('24.90');
    expect(fromMinorUnits('5', 'EUR')).toBe('0.05');
    expect(fromMinorUnits('1500', 'JPY')).toBe('1500');
    for (const price of ['0.01', '24.90', '1000000.00'])
      expect(fromMinorUnits(toMinorUnits(price, 'USD') ?? '', 'USD')).toBe(price);
  });

  it('accepts a valid create form, trimmed and with the currency upper-cased', () => {
    const parsed = createProductSchema.parse(valid);
    expect(parsed.title).toBe('Desk lamp');
    expect(parsed.currency).toBe('EUR');
  });

  it('names every bad field with a message for people', () => {
    const result = createProductSchema.safeParse({
      ...valid,
      title: '   ',
      category: 'Home/Lighting',
      status: 'archived',
      ownerRegion: 'EU',
      skuCode: 'lamp 1',
      price: '-3',
      currency: 'euro',
      stock: '1000001',
    });
    if (result.success) throw new Error('expected the form to be refused');
    const errors = fieldErrorsOf(result.error);
    expect(Object.keys(errors).sort()).toEqual(
      ['category', 'currency', 'ownerRegion', 'price', 'skuCode', 'status', 'stock', 'title'].sort(),
    );
    expect(errors.title).toBe('Enter a title.');
    expect(errors.stock).toBe('Enter a whole number of units from 0 to 1,000,000.');
  });

  it('checks an edit’s content fields (prices are per SKU and region: sku-grid-schema.test.ts)', () => {
    const base = { title: 'T', brand: 'B', category: 'c', description: '', status: 'draft' };
    expect(updateProductSchema.safeParse(base).success).toBe(true);
    expect(updateProductSchema.safeParse({ ...base, status: 'archived' }).success).toBe(false);
  });
});
