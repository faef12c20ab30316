import { canMove, moved, type Payment, type PaymentStatus } from './payment.js';

/** The statuses of a Stripe PaymentIntent (API reference, "PaymentIntent.status"). */
export type IntentStatus =
  | 'requires_payment_method'
  | 'requires_confirmation'
  | 'requires_action'
  | 'processing'
  | 'requires_capture'
  | 'canceled'
  | 'succeeded';

/** What payments needs to know of a PaymentIntent, as the provider adapter reads it. */
export interface ProviderIntent {
  readonly id: string;
  readonly status: IntentStatus;
  readonly amountMinor: number;
  /** Upper-case ISO 4217 (Stripe answers lower case; the adapter normalizes). */
  readonly currency: string;
  /** Refunded so far on the intent's charge. */
  readonly refundedMinor: number;
  /** The decline code of the last failed attempt (`card_declined`, `insufficient_funds` …). */
  readonly failureCode: string | undefined;
  readonly metadata: Readonly<Record<string, string>>;
}

/**
 * Our status for a PaymentIntent, or undefined while it is in a step we do not record (being confirmed, or
 * processing). A `requires_payment_method` intent with a failure is a decline; without one it was never
 * confirmed. A `succeeded` intent refunded in full is `refunded`.
 */
export function statusOfIntent(intent: ProviderIntent): PaymentStatus | undefined {
  switch (intent.status) {
    case 'requires_action':
      return 'requires_action';
    case 'requires_capture':
      return 'authorized';
    case 'succeeded':
      return intent.refundedMinor >= intent.amountMinor ? 'refunded' : 'captured';
    case 'canceled':
      return 'canceled';
    case 'requires_payment_method':
      return intent.failureCode === undefined ? undefined : 'failed';
    default:
      return undefined;
  }
}

/**
 * The payment after learning the intent's state (a webhook, the reconciler, a re-read before a command), or
 * undefined when that changes nothing: an older or unrecorded state never moves a payment back.
 */
export function followIntent(payment: Payment, intent: ProviderIntent, at: number): Payment | undefined {
  const to = statusOfIntent(intent);
  if (to === undefined || !canMove(payment.status, to)) return undefined;
  return moved(payment, to, at, { failureCode: intent.failureCode, refundedMinor: intent.refundedMinor });
}
