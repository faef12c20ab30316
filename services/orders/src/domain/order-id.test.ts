import { describe, expect, it } from 'vitest';
import { orderIdFor } from './order-id.js';

describe('orderIdFor', () => {
  it('names one order per (tenant, user, key), as a UUID', () => {
    const id = orderIdFor('shop', 'u1', 'checkout-key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(orderIdFor('shop', 'u1', 'checkout-key-1')).toBe(id);
    expect(
      new Set([
        orderIdFor('shop', 'u2', 'checkout-key-1'),
        orderIdFor('other', 'u1', 'checkout-key-1'),
        orderIdFor('shop', 'u1', 'checkout-key-2'),
        id,
      ]).size,
    ).toBe(4);
  });
});
