import { describe, expect, it } from 'vitest';
import type { CatalogProduct } from './cart.ports.js';
import {
  addLine,
  alreadyApplied,
  current,
  mergeLines,
  planAfterChange,
  planOnReminder,
  removeLine,
  removeOrderedLines,
  requireOffer,
  setLineQuantity,
  viewCart,
  withApplied,
  withCheckout,
} from './cart.rules.js';
import { CartLimits, emptyCart } from './cart.state.js';

const T0 = Date.UTC(2026, 11, 4, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const P1 = '00000000-0000-4000-8000-000000000001';
const S1 = '00000000-0000-4000-8000-0000000000a1';
const S2 = '00000000-0000-4000-8000-0000000000a2';

function product(overrides: Partial<CatalogProduct> = {}, eur = '2500', stock = 10): CatalogProduct {
  return {
    productId: P1,
    title: 'Shirt',
    active: true,
    sequence: 3,
    skus: [
      {
        skuId: S1,
        code: 'SHIRT-M',
        options: { size: 'M' },
        prices: [
          { region: 'eu', price: { currencyCode: 'EUR', amountMinor: eur } },
          { region: 'us', price: { currencyCode: 'USD', amountMinor: '2900' } },
        ],
        stock: [
          { region: 'eu', available: stock },
          { region: 'us', available: 5 },
        ],
      },
      { skuId: S2, code: 'SHIRT-L', options: { size: 'L' }, prices: [], stock: [] },
    ],
    ...overrides,
  };
}

const ref = (region = 'eu', skuId = S1) => ({ productId: P1, skuId, region });
const offer = (p = product(), region = 'eu') => requireOffer(p, ref(region));

describe('requireOffer', () => {
  it.each([
    ['an unknown product (or another tenant’s)', null, ref(), 'Cart.UnknownProduct', 'productId'],
    ['a SKU of another product', product(), ref('eu', S1.replace('a1', 'ff')), 'Cart.UnknownSku', 'skuId'],
    ['a region the SKU is not priced in', product(), ref('uk'), 'Cart.NotSoldInRegion', 'region'],
    ['an archived product', product({ active: false }), ref(), 'Cart.NoLongerSold', 'productId'],
  ])('refuses %s with the field', (_, p, r, code, field) => {
    expect(() => requireOffer(p, r)).toThrow(
      expect.objectContaining({ code, kind: 'validation', fields: [expect.objectContaining({ field })] }),
    );
  });
});

describe('changing lines', () => {
  it('adds up the same SKU and region, and keeps regions apart', () => {
    let cart = addLine(emptyCart, offer(), 2, T0);
    cart = addLine(cart, offer(), 3, T0 + 1);
    cart = addLine(cart, offer(product(), 'us'), 1, T0 + 2);
    expect(cart.lines.map((l) => [l.region, l.quantity])).toEqual([
      ['eu', 5],
      ['us', 1],
    ]);
    expect(cart.revision).toBe(3);
    expect(cart.lines[0]?.addedAt).toBe(T0);
  });

  it('refuses a line above 99 units and more than the stock', () => {
    const big = offer(product({}, '2500', 1000));
    const cart = addLine(emptyCart, big, 98, T0);
    expect(() => addLine(cart, big, 2, T0)).toThrow(
      expect.objectContaining({ code: 'Cart.QuantityTooHigh' }),
    );
    expect(() => addLine(emptyCart, offer(), 11, T0)).toThrow(
      expect.objectContaining({ code: 'Cart.NotAvailable', kind: 'conflict' }),
    );
  });

  it('sets a quantity keeping the price the line was added at', () => {
    const cart = addLine(emptyCart, offer(), 1, T0);
    const later = setLineQuantity(cart, offer(product({}, '2000')), 4, T0 + 1);
    expect(later.lines[0]).toMatchObject({
      quantity: 4,
      priceWhenAdded: { amountMinor: '2500' },
      lastPrice: { amountMinor: '2000' },
    });
  });

  it('removes a line, and removing an absent line changes nothing', () => {
    const cart = addLine(emptyCart, offer(), 1, T0);
    expect(removeLine(cart, S1, 'us', T0 + 1)).toBe(cart);
    expect(removeLine(cart, S1, 'eu', T0 + 1).lines).toEqual([]);
  });
});

describe('viewCart', () => {
  it('shows a price change since the item was added, and totals per currency', () => {
    let cart = addLine(emptyCart, offer(), 2, T0);
    cart = addLine(cart, offer(product(), 'us'), 1, T0);
    const view = viewCart(cart, new Map([[P1, product({}, '2200')]]), 30 * DAY);
    expect(view.lines[0]).toMatchObject({
      unitPrice: { currencyCode: 'EUR', amountMinor: '2200' },
      priceWhenAdded: { amountMinor: '2500' },
      priceChanged: true,
      lineTotal: { amountMinor: '4400' },
      problem: null,
    });
    expect(view.lines[1]?.priceChanged).toBe(false);
    expect(view.totals).toEqual([
      { currencyCode: 'EUR', amountMinor: '4400' },
      { currencyCode: 'USD', amountMinor: '2900' },
    ]);
    expect(view.itemCount).toBe(3);
    expect(view.expiresAt).toBe(new Date(T0 + 30 * DAY).toISOString());
  });

  it('flags lines that can no longer be bought, and stale pricing', () => {
    const cart = addLine(emptyCart, offer(), 4, T0);
    expect(viewCart(cart, new Map([[P1, null]]), DAY).lines[0]?.problem).toBe('no-longer-sold');
    expect(viewCart(cart, new Map([[P1, product({}, '2500', 2)]]), DAY).lines[0]?.problem).toBe(
      'not-enough-stock',
    );
    const stale = viewCart(cart, null, DAY);
    expect(stale.pricingStale).toBe(true);
    expect(stale.lines[0]?.unitPrice.amountMinor).toBe('2500');
  });
});

describe('mergeLines', () => {
  it('adds up quantities (capped at 99 and the stock) and lists what it dropped', () => {
    const mine = addLine(emptyCart, offer(), 8, T0);
    const merged = mergeLines(
      mine,
      [
        { ...ref(), quantity: 5 },
        { ...ref('uk'), quantity: 1 },
        { ...ref('eu', S2), quantity: 1 },
      ],
      new Map([[P1, product()]]),
      T0 + 1,
    );
    expect(merged.cart.lines.map((l) => l.quantity)).toEqual([10]);
    expect(merged.mergedLines).toBe(1);
    expect(merged.dropped).toEqual([
      { skuId: S1, region: 'uk', problem: 'not-sold-in-region' },
      { skuId: S2, region: 'eu', problem: 'not-sold-in-region' },
    ]);
  });
});

describe('idempotency keys and expiry', () => {
  it('remembers applied keys within the retention period', () => {
    const cart = withApplied(emptyCart, 'key-00001', T0);
    expect(alreadyApplied(cart, 'key-00001', T0 + DAY - 1)).toBe(true);
    expect(alreadyApplied(cart, 'key-00001', T0 + DAY + 1)).toBe(false);
    expect(alreadyApplied(cart, 'key-00002', T0)).toBe(false);
  });

  it('keeps at most the newest keys', () => {
    let cart = emptyCart;
    for (let i = 0; i < CartLimits.maxAppliedKeys + 5; i++) cart = withApplied(cart, `key-${i}-abcd`, T0 + i);
    expect(cart.applied).toHaveLength(CartLimits.maxAppliedKeys);
    expect(alreadyApplied(cart, 'key-0-abcd', T0 + 200)).toBe(false);
  });

  it('treats an overdue cart as empty before its reminder ran', () => {
    const cart = addLine(emptyCart, offer(), 1, T0);
    expect(current(cart, DAY, T0 + DAY - 1)).toBe(cart);
    expect(current(cart, DAY, T0 + DAY)).toBe(emptyCart);
  });

  it('arms once after a change and re-arms from the reminder while the cart is not overdue', () => {
    expect(planAfterChange(null, T0 + DAY, T0)).toMatchObject({ kind: 'arm', at: T0 + DAY, dueMs: DAY });
    expect(planAfterChange(T0 + DAY, T0 + 2 * DAY, T0 + DAY / 2)).toEqual({ kind: 'keep' });
    expect(planAfterChange(T0, T0 + 2 * DAY, T0 + DAY)).toMatchObject({ kind: 'arm' }); // never fired
    const cart = addLine(emptyCart, offer(), 1, T0 + DAY / 2);
    expect(planOnReminder(cart, DAY, T0 + DAY)).toMatchObject({ kind: 'arm', at: T0 + DAY + DAY / 2 });
    expect(planOnReminder(cart, DAY, T0 + 2 * DAY)).toEqual({ kind: 'expire' });
    expect(planOnReminder(emptyCart, DAY, T0)).toEqual({ kind: 'expire' });
  });
});

describe('after checkout', () => {
  it('takes out the ordered units, keeping what was added since and what was never ordered', () => {
    let cart = addLine(emptyCart, offer(), 2, T0);
    cart = addLine(cart, offer(product(), 'us'), 1, T0);
    cart = addLine(cart, offer(), 3, T0 + 1); // raised to 5 during checkout of 2
    const after = removeOrderedLines(cart, [{ skuId: S1, region: 'eu', quantity: 2 }], T0 + 2);
    expect(after.lines.map((l) => [l.region, l.quantity])).toEqual([
      ['eu', 3],
      ['us', 1],
    ]);
    const all = removeOrderedLines(
      after,
      [
        { skuId: S1, region: 'eu', quantity: 3 },
        { skuId: S1, region: 'us', quantity: 1 },
      ],
      T0 + 3,
    );
    expect(all.lines).toEqual([]);
    expect(removeOrderedLines(all, [{ skuId: S1, region: 'eu', quantity: 1 }], T0 + 4)).toBe(all);
  });

  it('keeps the newest checkout tickets, each once', () => {
    let tickets: string[] = [];
    for (let i = 0; i < CartLimits.maxCheckouts + 5; i++) tickets = withCheckout(tickets, `o${i}`);
    tickets = withCheckout(tickets, 'o10');
    expect(tickets).toHaveLength(CartLimits.maxCheckouts);
    expect(tickets.at(-1)).toBe('o10');
    expect(tickets.filter((t) => t === 'o10')).toHaveLength(1);
  });
});
