import type { Pool } from 'pg';
import type { ServiceContext } from '@shopstream/service-defaults';
import { openServicePool } from '@shopstream/service-defaults/postgres';
import type { PaymentsDeps } from '../app/ports.js';
import type { PaymentsConfig } from '../config.js';
import { loggedPaymentSignals } from '../infra/logged-payment-signals.js';
import { createPaymentStore } from '../infra/pg-payment-store.js';
import { createStripeClient, stripeProvider } from '../infra/stripe-provider.js';
import { stripeWebhookVerifier } from '../infra/stripe-webhook-verifier.js';

type Lifecycle = Pick<
  ServiceContext<PaymentsConfig>,
  'config' | 'logger' | 'onShutdown' | 'addReadinessCheck'
>;

/** Stripe calls run inside a transaction (the order's lock), so the pool is sized for waiting calls. */
export const openPaymentsPool = (context: Lifecycle): Pool => openServicePool(context, { max: 20 });

export function paymentsDeps(
  pool: Pool,
  { config, logger }: Pick<Lifecycle, 'config' | 'logger'>,
): PaymentsDeps {
  const stripe = createStripeClient({
    apiUrl: config.STRIPE_API_URL,
    secretKey: config.STRIPE_SECRET_KEY,
    timeoutMs: 8_000,
  });
  return {
    store: createPaymentStore(pool),
    provider: stripeProvider(stripe),
    webhooks: stripeWebhookVerifier(stripe, {
      secret: config.STRIPE_WEBHOOK_SECRET,
      toleranceSeconds: config.STRIPE_WEBHOOK_TOLERANCE_SECONDS,
    }),
    signals: loggedPaymentSignals(logger),
    clock: Date.now,
    reconcileAfterMs: config.PAYMENTS_RECONCILE_AFTER_SECONDS * 1000,
    eventSource: config.SERVICE_NAME,
    logger,
  };
}
