import { ApplicationFailure, Context } from '@temporalio/activity';
import { ErrorKind, isDomainError } from '@shopstream/service-defaults';
import {
  authorizePayment,
  capturePayment,
  readPayment,
  releasePayment,
  type AuthorizeStep,
} from '../app/checkout/payment-steps.js';
import { releaseStock, reserveStock, type StockStep } from '../app/checkout/reserve-stock.js';
import { sellStock } from '../app/checkout/sell-stock.js';
import { takeOrderedLines } from '../app/checkout/take-ordered-lines.js';
import { moveOrder } from '../app/move-order.js';
import type { CheckoutStepDeps, PaymentView } from '../app/ports.js';
import type { CheckoutLine } from '../domain/checkout.js';
import type { OrderState } from '../domain/order.js';

export interface MoveStep {
  readonly tenantId: string;
  readonly orderId: string;
  readonly to: OrderState;
  readonly reason?: string;
  readonly paymentId?: string;
}

export interface ReleasePaymentStep {
  readonly tenantId: string;
  readonly orderId: string;
  readonly cancelKey: string;
  readonly refundKey: string;
}

export interface TakeLinesStep {
  readonly tenantId: string;
  readonly userId: string;
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly lines: readonly CheckoutLine[];
}

/** The saga's activities: each one calls one app/ use case (Temporal-free), nothing else. */
export interface CheckoutActivities {
  reserveStock(step: StockStep): Promise<void>;
  releaseStock(step: StockStep): Promise<void>;
  sellStock(step: StockStep): Promise<void>;
  authorizePayment(step: AuthorizeStep): Promise<PaymentView>;
  readPayment(step: { tenantId: string; orderId: string }): Promise<PaymentView | null>;
  capturePayment(step: { tenantId: string; paymentId: string; idempotencyKey: string }): Promise<PaymentView>;
  releasePayment(step: ReleasePaymentStep): Promise<PaymentView | null>;
  moveOrder(step: MoveStep): Promise<void>;
  takeOrderedLines(step: TakeLinesStep): Promise<void>;
}

/**
 * A DomainError becomes an ApplicationFailure typed with its code: business errors (validation, conflict,
 * not found, permission) are non-retryable — retrying cannot change them — and an unavailable dependency is
 * retried by the step's retry policy.
 */
function asFailure(error: unknown): unknown {
  if (!isDomainError(error)) return error;
  const retryable = error.kind === ErrorKind.Unavailable || error.kind === ErrorKind.Internal;
  return ApplicationFailure.create({ message: error.message, type: error.code, nonRetryable: !retryable });
}

const step =
  <I, O>(work: (input: I) => Promise<O>) =>
  async (input: I): Promise<O> => {
    try {
      return await work(input);
    } catch (error) {
      throw asFailure(error);
    }
  };

/** A step that may take seconds (a Stripe call): heartbeats every 2 s so a dead worker is noticed quickly. */
const heartbeating =
  <I, O>(work: (input: I) => Promise<O>) =>
  async (input: I): Promise<O> => {
    const context = Context.current();
    const beat = setInterval(() => context.heartbeat(), 2_000);
    try {
      context.heartbeat();
      return await work(input);
    } finally {
      clearInterval(beat);
    }
  };

export function createCheckoutActivities(deps: CheckoutStepDeps): CheckoutActivities {
  return {
    reserveStock: step((s: StockStep) => reserveStock(deps, s)),
    releaseStock: step((s: StockStep) => releaseStock(deps, s)),
    sellStock: step((s: StockStep) => sellStock(deps, s)),
    authorizePayment: step(heartbeating((s: AuthorizeStep) => authorizePayment(deps, s))),
    readPayment: step(
      async (s: { tenantId: string; orderId: string }) => (await readPayment(deps, s)) ?? null,
    ),
    capturePayment: step(
      heartbeating((s: { tenantId: string; paymentId: string; idempotencyKey: string }) =>
        capturePayment(deps, s),
      ),
    ),
    releasePayment: step(
      heartbeating(async (s: ReleasePaymentStep) => (await releasePayment(deps, s)) ?? null),
    ),
    moveOrder: step(async ({ tenantId, orderId, to, reason, paymentId }: MoveStep) => {
      await moveOrder(deps, { tenantId, orderId }, to, {
        ...(reason === undefined ? {} : { reason }),
        ...(paymentId === undefined ? {} : { paymentId }),
      });
    }),
    takeOrderedLines: step((s: TakeLinesStep) => takeOrderedLines(deps, s)),
  };
}
