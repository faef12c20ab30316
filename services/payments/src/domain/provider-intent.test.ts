import { describe, expect, it } from 'vitest';
import { paymentFixture } from './testing/payment-fixture.js';
import { followIntent, statusOfIntent, type ProviderIntent } from './provider-intent.js';

const intent = (over: Partial<ProviderIntent>): ProviderIntent => ({
  id: 'pi_1',
  status: 'requires_capture',
  amountMinor: 1000,
  currency: 'EUR',
  refundedMinor: 0,
  failureCode: undefined,
  metadata: {},
  ...over,
});

const payment = paymentFixture();

describe('Stripe PaymentIntent states', () => {
  it('maps each intent status to ours', () => {
    expect(statusOfIntent(intent({ status: 'requires_action' }))).toBe('requires_action');
    expect(statusOfIntent(intent({ status: 'requires_capture' }))).toBe('authorized');
    expect(statusOfIntent(intent({ status: 'succeeded' }))).toBe('captured');
    expect(statusOfIntent(intent({ status: 'succeeded', refundedMinor: 1000 }))).toBe('refunded');
    expect(statusOfIntent(intent({ status: 'succeeded', refundedMinor: 400 }))).toBe('captured');
    expect(statusOfIntent(intent({ status: 'canceled' }))).toBe('canceled');
    expect(statusOfIntent(intent({ status: 'requires_payment_method', failureCode: 'card_declined' }))).toBe(
      'failed',
    );
    expect(statusOfIntent(intent({ status: 'requires_payment_method' }))).toBeUndefined();
    expect(statusOfIntent(intent({ status: 'processing' }))).toBeUndefined();
  });

  it('follows an intent forward only', () => {
    expect(followIntent(payment, intent({ status: 'succeeded' }), 5)).toMatchObject({
      status: 'captured',
      version: 2,
    });
    const captured = { ...payment, status: 'captured' as const };
    // A payment_failed or requires_capture event arriving after the capture changes nothing.
    expect(followIntent(captured, intent({ status: 'requires_capture' }), 5)).toBeUndefined();
    expect(
      followIntent(captured, intent({ status: 'requires_payment_method', failureCode: 'x' }), 5),
    ).toBeUndefined();
    expect(followIntent(captured, intent({ status: 'succeeded', refundedMinor: 1000 }), 5)).toMatchObject({
      status: 'refunded',
      refundedMinor: 1000,
    });
  });
});
