import Stripe from 'stripe';
import type { VerifiedWebhook, WebhookVerifier } from '../app/ports.js';
import { webhookMalformed, webhookSignatureInvalid, webhookStale } from '../domain/payment-errors.js';
import { intentFromStripe } from './stripe-intent.js';

export interface WebhookVerifierOptions {
  /** The endpoint's signing secret (`whsec_…`). */
  readonly secret: string;
  /** How far the signed timestamp may be from now (Stripe's default: 300 s). */
  readonly toleranceSeconds: number;
}

/**
 * Verification with the SDK's `webhooks.constructEvent` (HMAC-SHA256, constant-time compare, timestamp
 * tolerance). A body that fails only the tolerance check is stale (a replay of a once-valid delivery);
 * anything else failing is forged.
 */
export function stripeWebhookVerifier(stripe: Stripe, options: WebhookVerifierOptions): WebhookVerifier {
  const construct = (body: Buffer, header: string, tolerance: number) =>
    stripe.webhooks.constructEvent(body, header, options.secret, tolerance);
  return {
    verify(rawBody, signatureHeader): VerifiedWebhook {
      if (signatureHeader === undefined || signatureHeader === '') throw webhookSignatureInvalid();
      let event: Stripe.Event;
      try {
        event = construct(rawBody, signatureHeader, options.toleranceSeconds);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeSignatureVerificationError))
          throw webhookMalformed('is not JSON');
        try {
          construct(rawBody, signatureHeader, Number.MAX_SAFE_INTEGER);
        } catch {
          throw webhookSignatureInvalid();
        }
        throw webhookStale(options.toleranceSeconds);
      }
      if (typeof event.id !== 'string' || !/^evt_[A-Za-z0-9_]+$/.test(event.id))
        throw webhookMalformed('has no event id');
      const object = event.data?.object as { object?: unknown } | undefined;
      const intent =
        object?.object === 'payment_intent' && event.type.startsWith('payment_intent.')
          ? intentFromStripe(object as Stripe.PaymentIntent)
          : undefined;
      return { id: event.id, type: event.type, intent };
    },
  };
}
