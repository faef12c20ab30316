import { describe, expect, it } from 'vitest';
import { canMove, move, newOrder, ORDER_STATES, type OrderState } from './order.js';

const line = {
  productId: 'p',
  skuId: 's',
  region: 'eu',
  skuCode: 'SKU-1',
  title: 'Shirt',
  quantity: 2,
  unitPriceMinor: 1250,
};
const fresh = () =>
  newOrder({
    tenantId: 'shop',
    id: 'o1',
    userId: 'u1',
    currency: 'EUR',
    lines: [line, { ...line, skuId: 't', quantity: 1 }],
    paymentMethodId: 'pm_card_visa',
    at: 1000,
  });

describe('order state machine', () => {
  it('starts PENDING at version 1 with its total', () => {
    const { order, transition } = fresh();
    expect(order).toMatchObject({ state: 'PENDING', version: 1, totalMinor: 3750 });
    expect(transition).toMatchObject({ from: null, to: 'PENDING', version: 1 });
  });

  it('walks the happy path, one version per transition', () => {
    let { order } = fresh();
    for (const to of ['STOCK_RESERVED', 'PAYMENT_AUTHORIZED', 'PAID', 'CONFIRMED'] as const) {
      const outcome = move(order, to, 2000, to === 'PAYMENT_AUTHORIZED' ? { paymentId: 'pay1' } : {});
      if (outcome.kind !== 'moved') throw new Error(`${to}: ${outcome.kind}`);
      order = outcome.order;
    }
    expect(order).toMatchObject({ state: 'CONFIRMED', version: 5, paymentId: 'pay1' });
  });

  it('a repeated step records nothing; a move the machine forbids is refused', () => {
    const { order } = fresh();
    expect(move(order, 'PENDING', 2000).kind).toBe('already');
    expect(move(order, 'PAID', 2000)).toEqual({ kind: 'refused', from: 'PENDING' });
  });

  it('keeps the failure reason of a compensation', () => {
    const reserved = move(fresh().order, 'STOCK_RESERVED', 2000);
    if (reserved.kind !== 'moved') throw new Error('not moved');
    const failed = move(reserved.order, 'COMPENSATED', 3000, { reason: 'card_declined' });
    expect(failed).toMatchObject({ order: { failureReason: 'card_declined', state: 'COMPENSATED' } });
  });

  it('nothing leaves a final state but CONFIRMED → REFUNDED; nothing is refunded before CONFIRMED', () => {
    const finals: OrderState[] = ['FAILED', 'CANCELLED', 'COMPENSATED', 'REFUNDED'];
    for (const from of finals) for (const to of ORDER_STATES) expect(canMove(from, to)).toBe(false);
    expect(canMove('CONFIRMED', 'REFUNDED')).toBe(true);
    for (const from of ORDER_STATES.filter((s) => s !== 'CONFIRMED'))
      expect(canMove(from, 'REFUNDED')).toBe(false);
    expect(canMove('PAID', 'CANCELLED')).toBe(false);
  });
});
