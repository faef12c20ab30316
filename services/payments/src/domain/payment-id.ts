import { createHash } from 'node:crypto';

/**
 * The payment id of an order: a UUID (version 8, RFC 9562) derived from tenant and order id. One order has
 * one payment, so a retry after a lost answer — ours or Stripe's — names the same payment, and the Stripe
 * idempotency key derived from it returns the same PaymentIntent.
 */
export function paymentIdFor(tenantId: string, orderId: string): string {
  const hex = createHash('sha256').update(`payment:${tenantId}:${orderId}`).digest('hex').slice(0, 32);
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    `8${hex.slice(13, 16)}`,
    `${variant}${hex.slice(17, 20)}`,
    hex.slice(20, 32),
  ].join('-');
}
