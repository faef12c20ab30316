import type { Logger } from 'pino';
import type { NewEvent } from '@shopstream/service-defaults';
import type { ChangeCause, Payment } from '../domain/payment.js';
import type { ProviderIntent } from '../domain/provider-intent.js';

/** What the use cases need from the outside world; infra/ implements it, wiring/ plugs it in. */
export interface PaymentsDeps {
  readonly store: PaymentStore;
  readonly provider: PaymentProvider;
  readonly webhooks: WebhookVerifier;
  /** Told about every committed status change (a log line; the saga listens to payment.events, adr/0049). */
  readonly signals: PaymentSignals;
  readonly clock: () => number;
  /** How long after a change the reconciler asks Stripe about an open payment (a webhook's grace). */
  readonly reconcileAfterMs: number;
  /** SERVICE_NAME, the `source` of our events. */
  readonly eventSource: string;
  readonly logger: Logger;
}

/** Postgres, one tenant per transaction (row-level security binds it). */
export interface PaymentStore {
  inTenant<T>(tenantId: string, work: (tx: PaymentTransaction) => Promise<T>): Promise<T>;
  /** Open payments (any tenant) whose next check is due at `at`, oldest first. */
  dueOpenPayments(at: number, limit: number): Promise<OpenPayment[]>;
}

/** A payment the reconciler watches: ids only. */
export interface OpenPayment {
  readonly tenantId: string;
  readonly paymentId: string;
}

export type KeyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: unknown }
  | { readonly kind: 'mismatch' };

export interface PaymentTransaction {
  readonly tenantId: string;
  /** Claims an idempotency key; a concurrent holder of the same key makes this wait for its commit. */
  claimKey(key: string, operation: string, fingerprint: string): Promise<KeyClaim>;
  completeKey(key: string, response: unknown): Promise<void>;
  /** Locks the order's payment row (FOR UPDATE), so one order's calls run one after another. */
  lockOrder(orderId: string): Promise<void>;
  findByOrder(orderId: string): Promise<Payment | undefined>;
  /** The payment, locked for this transaction. */
  lockPayment(paymentId: string): Promise<Payment | undefined>;
  lockByIntent(stripeIntentId: string): Promise<Payment | undefined>;
  findPayment(paymentId: string): Promise<Payment | undefined>;
  listPayments(query: {
    readonly orderId: string | undefined;
    readonly limit: number;
    readonly after: { readonly createdAt: number; readonly id: string } | undefined;
  }): Promise<Payment[]>;
  insertPayment(payment: Payment): Promise<void>;
  /** Writes the payment if its stored version is `payment.version - 1`. */
  updatePayment(payment: Payment): Promise<void>;
  /** Records a webhook event id; false when it was recorded before (a redelivery or replay). */
  recordWebhook(entry: {
    readonly eventId: string;
    readonly eventType: string;
    readonly paymentId: string;
    readonly outcome: 'applied' | 'unchanged';
  }): Promise<boolean>;
  enqueue(topic: string, event: NewEvent<unknown>): Promise<void>;
  /** Watches the payment from `nextCheckAt` on (undefined: it is final, stop watching). */
  watch(paymentId: string, nextCheckAt: number | undefined): Promise<void>;
}

export interface CreateIntentCommand {
  readonly amountMinor: number;
  readonly currency: string;
  readonly paymentMethodId: string;
  readonly metadata: Readonly<Record<string, string>>;
  /** Sent to Stripe as `Idempotency-Key`, so a retry after a lost answer creates no second intent. */
  readonly idempotencyKey: string;
}

/**
 * Stripe (the emulator locally, Stripe's test mode with a real key): PaymentIntents with manual capture.
 * A decline is an answer (status `requires_payment_method` with a failure code), not an error.
 */
export interface PaymentProvider {
  createAndConfirm(command: CreateIntentCommand): Promise<ProviderIntent>;
  retrieve(intentId: string): Promise<ProviderIntent>;
  capture(intentId: string, idempotencyKey: string): Promise<ProviderIntent>;
  cancel(intentId: string, idempotencyKey: string): Promise<ProviderIntent>;
  refund(intentId: string, idempotencyKey: string): Promise<ProviderIntent>;
}

export interface PaymentChange {
  readonly payment: Payment;
  readonly cause: ChangeCause;
}

/** A hook after each committed change (logging today; the saga is signalled from payment.events, adr/0049). */
export interface PaymentSignals {
  paymentChanged(change: PaymentChange): Promise<void>;
}

/** A Stripe event whose signature and timestamp were verified. */
export interface VerifiedWebhook {
  readonly id: string;
  readonly type: string;
  /** The PaymentIntent the event carries; undefined for events about other objects. */
  readonly intent: ProviderIntent | undefined;
}

/**
 * Verifies `Stripe-Signature` (HMAC-SHA256 over `<t>.<body>` with our endpoint secret, `t` within the
 * tolerance) and parses the event. Throws `Payments.WebhookSignatureInvalid`, `Payments.WebhookStale` or
 * `Payments.WebhookMalformed`.
 */
export interface WebhookVerifier {
  verify(rawBody: Buffer, signatureHeader: string | undefined): VerifiedWebhook;
}
