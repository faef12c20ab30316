import { describe, expect, it } from 'vitest';
import { parseSetStock, parseStockChange } from './stock-request.js';

const SKU = '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e';

describe('stock requests', () => {
  it('parses reserve and release', () => {
    expect(
      parseStockChange({
        operation: 'reserve',
        idempotencyKey: 'checkout:1:2',
        skuId: SKU,
        region: 'eu',
        quantity: '3',
      }),
    ).toEqual({
      operation: 'reserve',
      idempotencyKey: 'checkout:1:2',
      skuId: SKU,
      region: 'eu',
      quantity: 3,
    });
    expect(
      parseStockChange({
        operation: 'release',
        idempotencyKey: 'checkout:1:2',
        skuId: SKU,
        region: 'eu',
        quantity: '0',
      }),
    ).toMatchObject({
      operation: 'release',
    });
  });

  it('parses sell without a quantity (it sells what the key reserved)', () => {
    expect(
      parseStockChange({
        operation: 'sell',
        idempotencyKey: 'checkout:1:2',
        skuId: SKU,
        region: 'eu',
        quantity: '0',
      }),
    ).toEqual({ operation: 'sell', idempotencyKey: 'checkout:1:2', skuId: SKU, region: 'eu' });
  });

  it.each([
    [{ quantity: '0' }, 'quantity'],
    [{ quantity: '-2' }, 'quantity'],
    [{ quantity: '1.5' }, 'quantity'],
    [{ quantity: '1001' }, 'quantity'],
    [{ idempotencyKey: 'short' }, 'idempotencyKey'],
    [{ idempotencyKey: 'has space in it' }, 'idempotencyKey'],
    [{ skuId: 'nope' }, 'skuId'],
    [{ region: 'EU' }, 'region'],
  ])('refuses %j on %s', (override, field) => {
    expect(() =>
      parseStockChange({
        operation: 'reserve',
        idempotencyKey: 'checkout:1:2',
        skuId: SKU,
        region: 'eu',
        quantity: '1',
        ...override,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'Catalog.InvalidStockRequest',
        fields: [expect.objectContaining({ field })],
      }),
    );
  });

  it('refuses an unknown operation', () => {
    expect(() =>
      parseStockChange({ operation: 'unspecified', idempotencyKey: 'k-12345678', skuId: SKU, region: 'eu' }),
    ).toThrow(expect.objectContaining({ code: 'Catalog.InvalidStockRequest' }));
  });

  it('bounds SetStock to 0..1,000,000', () => {
    expect(
      parseSetStock({ idempotencyKey: 'stocktake-1', skuId: SKU, region: 'eu', available: '0' }).available,
    ).toBe(0);
    expect(() =>
      parseSetStock({ idempotencyKey: 'stocktake-1', skuId: SKU, region: 'eu', available: '1000001' }),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'available' })] }));
  });
});
