import Stripe from 'stripe';
import { isDomainError } from '@shopstream/service-defaults';
import type { PaymentProvider } from '../app/ports.js';
import { providerRejected, providerUnavailable, unknownPaymentMethod } from '../domain/payment-errors.js';
import { intentFromStripe } from './stripe-intent.js';

export interface StripeClientOptions {
  /** https://api.stripe.com with a test key, or the emulator (http://127.0.0.1:<port>). */
  readonly apiUrl: string;
  readonly secretKey: string;
  readonly timeoutMs: number;
}

/** The stripe SDK pointed at `apiUrl`; one network retry (every mutating call carries an idempotency key). */
export function createStripeClient({ apiUrl, secretKey, timeoutMs }: StripeClientOptions): Stripe {
  const url = new URL(apiUrl);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    host: url.hostname,
    port: url.port === '' ? (protocol === 'http' ? 80 : 443) : Number(url.port),
    protocol,
    timeout: timeoutMs,
    maxNetworkRetries: 1,
    telemetry: false,
  });
}

const isStripeError = (error: unknown): error is Stripe.errors.StripeError =>
  error instanceof Stripe.errors.StripeError;

/** Stripe's failures as ours: no answer or a server fault → retryable; anything else → not retried blindly. */
function translate(error: unknown): Error {
  if (isDomainError(error)) return error;
  if (!isStripeError(error)) return providerUnavailable(error);
  if (
    error instanceof Stripe.errors.StripeConnectionError ||
    error instanceof Stripe.errors.StripeAPIError ||
    error instanceof Stripe.errors.StripeRateLimitError ||
    (error.statusCode ?? 0) >= 500
  )
    return providerUnavailable(error);
  return providerRejected(error);
}

const EXPAND = ['latest_charge'];

/**
 * PaymentsProvider on Stripe's PaymentIntents API (manual capture). The intent is created, then confirmed in
 * a second call, so a decline (402 `card_error`) still leaves us its id: the declined intent is read back.
 */
export function stripeProvider(stripe: Stripe): PaymentProvider {
  const retrieve = async (intentId: string) =>
    intentFromStripe(await stripe.paymentIntents.retrieve(intentId, { expand: EXPAND }));
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw translate(error);
    }
  };
  return {
    createAndConfirm: (command) =>
      guarded(async () => {
        const created = await stripe.paymentIntents
          .create(
            {
              amount: command.amountMinor,
              currency: command.currency.toLowerCase(),
              payment_method: command.paymentMethodId,
              capture_method: 'manual',
              metadata: { ...command.metadata },
            },
            { idempotencyKey: command.idempotencyKey },
          )
          .catch((error: unknown) => {
            if (isStripeError(error) && error.statusCode === 404) throw unknownPaymentMethod();
            throw error;
          });
        if (created.status !== 'requires_confirmation') return retrieve(created.id);
        try {
          await stripe.paymentIntents.confirm(
            created.id,
            {},
            { idempotencyKey: `${command.idempotencyKey}:confirm` },
          );
        } catch (error) {
          if (!(error instanceof Stripe.errors.StripeCardError)) throw error;
        }
        return retrieve(created.id);
      }),
    retrieve: (intentId) => guarded(() => retrieve(intentId)),
    capture: (intentId, key) =>
      guarded(async () => {
        await stripe.paymentIntents.capture(intentId, {}, { idempotencyKey: key });
        return retrieve(intentId);
      }),
    cancel: (intentId, key) =>
      guarded(async () => {
        await stripe.paymentIntents.cancel(intentId, {}, { idempotencyKey: key });
        return retrieve(intentId);
      }),
    refund: (intentId, key) =>
      guarded(async () => {
        await stripe.refunds.create({ payment_intent: intentId }, { idempotencyKey: key });
        return retrieve(intentId);
      }),
  };
}
