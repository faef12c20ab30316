/** Where a payment stands (proto `PaymentStatus`, lower case). */
export const PAYMENT_STATUSES = [
  'requires_action',
  'authorized',
  'captured',
  'failed',
  'canceled',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What made a change: a PaymentsService call, a verified Stripe webhook, or the reconciler. */
export type ChangeCause = 'api' | 'webhook' | 'reconciler';

/** Our record of one Stripe PaymentIntent for one order. No card data: the payment method is never kept. */
export interface Payment {
  readonly tenantId: string;
  readonly id: string;
  readonly orderId: string;
  readonly status: PaymentStatus;
  readonly currency: string;
  readonly amountMinor: number;
  readonly refundedMinor: number;
  readonly stripeIntentId: string;
  /** Stripe's decline code when `failed`. */
  readonly failureCode: string | undefined;
  readonly version: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/** How far along each status is; a payment only moves to a later rank (failed/canceled end it early). */
const RANK: Record<PaymentStatus, number> = {
  requires_action: 0,
  authorized: 1,
  captured: 2,
  refunded: 3,
  failed: 3,
  canceled: 3,
};

const FINAL: ReadonlySet<PaymentStatus> = new Set(['failed', 'canceled', 'refunded']);

/**
 * Whether a payment may move from `from` to `to`. Forward only, so a late or out-of-order webhook (a
 * `payment_failed` after a capture, an `authorized` after `captured`) changes nothing; a final status stays.
 */
export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  if (from === to || FINAL.has(from)) return false;
  if (to === 'refunded') return from === 'captured';
  if (to === 'failed' || to === 'canceled') return from === 'requires_action' || from === 'authorized';
  return RANK[to] > RANK[from];
}

/** The payment after a status change (a new version, the time of the change). */
export function moved(
  payment: Payment,
  to: PaymentStatus,
  at: number,
  facts: { readonly failureCode?: string | undefined; readonly refundedMinor?: number } = {},
): Payment {
  return {
    ...payment,
    status: to,
    failureCode: to === 'failed' ? (facts.failureCode ?? 'unknown') : undefined,
    refundedMinor: facts.refundedMinor ?? payment.refundedMinor,
    version: payment.version + 1,
    updatedAt: at,
  };
}
