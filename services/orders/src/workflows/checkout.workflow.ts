import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  condition,
  defineSignal,
  defineUpdate,
  log,
  patched,
  proxyActivities,
  setHandler,
  TimeoutFailure,
} from '@temporalio/workflow';
import type { CheckoutActivities } from '../activities/checkout.activities.js';
import {
  CANCEL_UPDATE,
  checkoutKeys,
  CheckoutReasons,
  PAYMENT_CHANGED_SIGNAL,
  type CancelAnswer,
  type CheckoutInput,
  type CheckoutOutcome,
  type PaymentChangedSignal,
} from '../domain/checkout.js';

/** Stock: a catalog call of milliseconds; "not enough stock" is a business answer (non-retryable). */
const stock = proxyActivities<Pick<CheckoutActivities, 'reserveStock'>>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '500 milliseconds',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
    maximumAttempts: 5,
  },
});

/** Payments: Stripe calls of seconds, heartbeating; retried for about half a minute, then the saga compensates. */
const payments = proxyActivities<
  Pick<CheckoutActivities, 'authorizePayment' | 'capturePayment' | 'readPayment'>
>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '8 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '10 seconds',
    maximumAttempts: 6,
  },
});

/** The order's own transitions (our database): retried until they succeed. */
const bookkeeping = proxyActivities<Pick<CheckoutActivities, 'moveOrder'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** Compensations must finish: retried without a limit, backoff capped at 10 s (stock back within a minute). */
const compensations = proxyActivities<Pick<CheckoutActivities, 'releaseStock' | 'releasePayment'>>({
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: '8 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** Sold stock at finalize: the order is paid, so retried without a limit (backoff capped at 10 s). */
const sale = proxyActivities<Pick<CheckoutActivities, 'sellStock'>>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
});

/** The cart after payment: best effort (the order is paid whatever the cart says). */
const cart = proxyActivities<Pick<CheckoutActivities, 'takeOrderedLines'>>({
  startToCloseTimeout: '10 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '5 seconds',
    maximumAttempts: 5,
  },
});

export const paymentChangedSignal = defineSignal<[PaymentChangedSignal]>(PAYMENT_CHANGED_SIGNAL);
export const cancelUpdate = defineUpdate<CancelAnswer>(CANCEL_UPDATE);

/** A business end of the checkout before CONFIRMED, with the reason the order records. */
class CheckoutStopped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const STEP_REASONS: Readonly<Record<string, string>> = {
  'Orders.InsufficientStock': CheckoutReasons.insufficientStock,
  'Orders.ReservationReleased': CheckoutReasons.insufficientStock,
};

function reasonOf(error: unknown): string {
  if (error instanceof CheckoutStopped) return error.reason;
  if (error instanceof ActivityFailure) {
    if (error.cause instanceof ApplicationFailure && error.cause.type) {
      return STEP_REASONS[error.cause.type] ?? CheckoutReasons.stepFailed;
    }
    if (error.cause instanceof TimeoutFailure) return CheckoutReasons.paymentTimeout;
  }
  return CheckoutReasons.stepFailed;
}

/**
 * The checkout saga of one order (workflow id `checkout:<orderId>`): reserve every line's stock → create
 * and confirm the payment intent → capture → PAID → the reserved units sold → CONFIRMED, taking the ordered
 * lines out of the cart.
 * Each risky step's compensation is pushed BEFORE the step runs (a step that timed out may still have acted);
 * on a decline, a timeout, a failed step or the shopper's cancel they run newest first in a non-cancellable
 * scope and the order ends FAILED (nothing was held), COMPENSATED or CANCELLED. Every step's idempotency key
 * is made here from the order id. Deterministic: no I/O, no clock, no randomness outside the SDK.
 */
export async function checkoutWorkflow(input: CheckoutInput): Promise<CheckoutOutcome> {
  const keys = checkoutKeys(input.orderId);
  const order = { tenantId: input.tenantId, orderId: input.orderId };
  let stage: 'before-capture' | 'captured' | 'finished' = 'before-capture';
  let cancelRequested = false;
  let lastPayment: PaymentChangedSignal | undefined;

  setHandler(paymentChangedSignal, (change) => {
    if (lastPayment === undefined || change.version > lastPayment.version) lastPayment = change;
  });
  setHandler(cancelUpdate, () => {
    if (stage !== 'before-capture') return { accepted: false, stage };
    cancelRequested = true;
    return { accepted: true, stage };
  });
  const stopIfCancelled = () => {
    if (cancelRequested) throw new CheckoutStopped(CheckoutReasons.cancelledByShopper);
  };

  const undo: (() => Promise<unknown>)[] = [];
  let held = false;
  let paymentId = '';
  try {
    for (const line of input.lines) {
      const step = { ...order, line, idempotencyKey: keys.stock(line) };
      undo.unshift(() => compensations.releaseStock(step));
      await stock.reserveStock(step);
      held = true;
    }
    await bookkeeping.moveOrder({ ...order, to: 'STOCK_RESERVED' });
    stopIfCancelled();

    undo.unshift(() =>
      compensations.releasePayment({ ...order, cancelKey: keys.cancelPayment, refundKey: keys.refund }),
    );
    let payment = await payments.authorizePayment({
      ...order,
      currency: input.currency,
      amountMinor: input.totalMinor,
      paymentMethodId: input.paymentMethodId,
      idempotencyKey: keys.authorize,
    });
    paymentId = payment.paymentId;
    if (payment.status === 'requires_action') {
      // 3-D Secure: the verdict comes by webhook → payment.events → this signal (or the reconciler).
      const settled = await condition(
        () => cancelRequested || (lastPayment !== undefined && lastPayment.status !== 'requires_action'),
        input.authorizationTimeoutMs,
      );
      stopIfCancelled();
      if (!settled || lastPayment === undefined) throw new CheckoutStopped(CheckoutReasons.paymentTimeout);
      payment = {
        paymentId,
        status: lastPayment.status as typeof payment.status,
        failureCode: lastPayment.failureCode,
      };
    }
    if (payment.status !== 'authorized') {
      throw new CheckoutStopped(payment.failureCode || CheckoutReasons.cardDeclined);
    }
    await bookkeeping.moveOrder({ ...order, to: 'PAYMENT_AUTHORIZED', paymentId });
    stopIfCancelled();

    // From here a cancel is refused: a cancel racing the capture must not find money already taken.
    stage = 'captured';
    await payments.capturePayment({ tenantId: input.tenantId, paymentId, idempotencyKey: keys.capture });
    await bookkeeping.moveOrder({ ...order, to: 'PAID' });
  } catch (error) {
    stage = 'finished';
    const reason = reasonOf(error);
    const state =
      reason === CheckoutReasons.cancelledByShopper ? 'CANCELLED' : held ? 'COMPENSATED' : 'FAILED';
    await CancellationScope.nonCancellable(async () => {
      for (const compensate of undo) await compensate();
      await bookkeeping.moveOrder({ ...order, to: state, reason });
    });
    return { state, reason };
  }

  // Version 3: the paid order's reserved units become sold before it shows CONFIRMED (available + reserved +
  // sold unchanged). Histories recorded before (no marker) left them reserved.
  if (patched('stock-sold')) await sellLines(input, keys);

  // Version 2: the cart is emptied before the order shows CONFIRMED, so a shopper who sees CONFIRMED never
  // sees the bought items still in the cart. Histories recorded before (no marker) keep the old order.
  const cartFirst = patched('cart-before-confirmed');
  if (cartFirst) await takeOrderedLines(input, keys.clearCart);
  await bookkeeping.moveOrder({ ...order, to: 'CONFIRMED' });
  if (!cartFirst) await takeOrderedLines(input, keys.clearCart);
  stage = 'finished';
  return { state: 'CONFIRMED', reason: '' };
}

async function sellLines(input: CheckoutInput, keys: ReturnType<typeof checkoutKeys>): Promise<void> {
  for (const line of input.lines) {
    try {
      await sale.sellStock({
        tenantId: input.tenantId,
        orderId: input.orderId,
        line,
        idempotencyKey: keys.stock(line),
      });
    } catch (error) {
      // Only a business answer ends up here (unavailable is retried): the order is paid and stays so; its
      // units stay reserved (still counted), for an operator to see in the log.
      log.error('reserved units could not be marked sold', { orderId: input.orderId, error: String(error) });
    }
  }
}

async function takeOrderedLines(input: CheckoutInput, idempotencyKey: string): Promise<void> {
  try {
    await cart.takeOrderedLines({
      tenantId: input.tenantId,
      userId: input.userId,
      orderId: input.orderId,
      idempotencyKey,
      lines: input.lines,
    });
  } catch (error) {
    // The order is paid: a cart that could not be emptied is the shopper's to tidy, not a failed order.
    log.warn('ordered lines stayed in the cart', { orderId: input.orderId, error: String(error) });
  }
}
