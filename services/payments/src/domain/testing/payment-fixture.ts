import type { Payment } from '../payment.js';

/** An authorized EUR 10.00 payment of tenant `acme`, version 1, for unit tests. */
export const paymentFixture = (overrides: Partial<Payment> = {}): Payment => ({
  tenantId: 'acme',
  id: 'p',
  orderId: 'o',
  status: 'authorized',
  currency: 'EUR',
  amountMinor: 1000,
  refundedMinor: 0,
  stripeIntentId: 'pi_1',
  failureCode: undefined,
  version: 1,
  createdAt: 1,
  updatedAt: 1,
  ...overrides,
});
