import { describe, expect, it } from 'vitest';
import { canMove, moved, PAYMENT_STATUSES, type PaymentStatus } from './payment.js';
import { paymentFixture } from './testing/payment-fixture.js';

/** Every allowed move; everything else is refused (a late or out-of-order event changes nothing). */
const ALLOWED: readonly [PaymentStatus, PaymentStatus][] = [
  ['requires_action', 'authorized'],
  ['requires_action', 'captured'],
  ['requires_action', 'failed'],
  ['requires_action', 'canceled'],
  ['authorized', 'captured'],
  ['authorized', 'failed'],
  ['authorized', 'canceled'],
  ['captured', 'refunded'],
];

describe('payment status moves', () => {
  it('allows exactly the forward moves', () => {
    for (const from of PAYMENT_STATUSES)
      for (const to of PAYMENT_STATUSES) {
        const expected = ALLOWED.some(([f, t]) => f === from && t === to);
        expect(canMove(from, to), `${from} -> ${to}`).toBe(expected);
      }
  });

  it('a move makes a new version and keeps the failure code only on failed', () => {
    const payment = paymentFixture({ amountMinor: 500, version: 2 });
    const failed = moved(payment, 'failed', 9, { failureCode: 'card_declined' });
    expect(failed).toMatchObject({
      status: 'failed',
      failureCode: 'card_declined',
      version: 3,
      updatedAt: 9,
    });
    expect(moved(failed, 'captured', 10).failureCode).toBeUndefined();
  });
});
