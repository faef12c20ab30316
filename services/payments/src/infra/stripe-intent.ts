import type Stripe from 'stripe';
import type { IntentStatus, ProviderIntent } from '../domain/provider-intent.js';

/** A Stripe PaymentIntent (API object, from a response or a webhook) as the domain reads it. */
export function intentFromStripe(pi: Stripe.PaymentIntent): ProviderIntent {
  const charge =
    typeof pi.latest_charge === 'object' && pi.latest_charge !== null ? pi.latest_charge : undefined;
  const error = pi.last_payment_error;
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(pi.metadata ?? {}))
    if (typeof value === 'string') metadata[key] = value;
  return {
    id: pi.id,
    status: pi.status as IntentStatus,
    amountMinor: pi.amount,
    currency: pi.currency.toUpperCase(),
    refundedMinor: charge?.amount_refunded ?? 0,
    failureCode: error ? (error.decline_code ?? error.code ?? 'card_declined') : undefined,
    metadata,
  };
}
