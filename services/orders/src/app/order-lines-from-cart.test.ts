import type { CartLineView, CartView } from '@shopstream/actor-cart';
import { describe, expect, it } from 'vitest';
import { orderLinesFromCart } from './order-lines-from-cart.js';

const line = (overrides: Partial<CartLineView> = {}): CartLineView => ({
  productId: 'p1',
  skuId: 's1',
  region: 'eu',
  skuCode: 'SKU-1',
  title: 'Shirt',
  options: {},
  quantity: 2,
  unitPrice: { currencyCode: 'EUR', amountMinor: '2500' },
  priceWhenAdded: { currencyCode: 'EUR', amountMinor: '2500' },
  priceChanged: false,
  lineTotal: { currencyCode: 'EUR', amountMinor: '5000' },
  problem: null,
  addedAt: '2026-12-06T00:00:00Z',
  ...overrides,
});
const cart = (lines: CartLineView[], overrides: Partial<CartView> = {}): CartView => ({
  lines,
  totals: [],
  itemCount: lines.length,
  revision: 3,
  updatedAt: null,
  expiresAt: null,
  pricingStale: false,
  ...overrides,
});

describe('orderLinesFromCart', () => {
  it('takes the lines at the catalog price of the snapshot', () => {
    expect(orderLinesFromCart(cart([line()]), 3)).toEqual({
      currency: 'EUR',
      lines: [
        {
          productId: 'p1',
          skuId: 's1',
          region: 'eu',
          skuCode: 'SKU-1',
          title: 'Shirt',
          quantity: 2,
          unitPriceMinor: 2500,
        },
      ],
    });
  });

  it.each([
    ['an empty cart', cart([]), 0, 'Orders.CartEmpty', 'cart'],
    ['a cart changed since the page', cart([line()]), 2, 'Orders.CartChanged', 'expected_cart_revision'],
    [
      'a line out of stock',
      cart([line(), line({ problem: 'not-enough-stock' })]),
      0,
      'Orders.CartNotBuyable',
      'lines[1]',
    ],
    [
      'two currencies',
      cart([line(), line({ unitPrice: { currencyCode: 'USD', amountMinor: '100' } })]),
      0,
      'Orders.MixedCurrencies',
      'lines',
    ],
  ])('refuses %s, naming the field', (_, view, revision, code, field) => {
    expect(() => orderLinesFromCart(view, revision)).toThrow(
      expect.objectContaining({ code, fields: [expect.objectContaining({ field })] }),
    );
  });

  it('refuses a snapshot the catalog could not price (unavailable: retry)', () => {
    expect(() => orderLinesFromCart(cart([line()], { pricingStale: true }), 0)).toThrow(
      expect.objectContaining({ code: 'Orders.PricingUnavailable', kind: 'unavailable' }),
    );
  });
});
