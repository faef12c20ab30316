/**
 * The checkout saga's contract, shared by the app that starts it (CreateOrder), the worker and the workflow.
 * Pure: the workflow bundle imports it, so it imports nothing.
 */
export const CHECKOUT_TASK_QUEUE = 'orders-checkout';

/** One line to reserve and pay for (the order's lines, as CreateOrder wrote them). */
export interface CheckoutLine {
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

/** The workflow's one input object. */
export interface CheckoutInput {
  readonly tenantId: string;
  readonly orderId: string;
  readonly userId: string;
  readonly currency: string;
  readonly totalMinor: number;
  readonly paymentMethodId: string;
  readonly lines: readonly CheckoutLine[];
  /** How long the saga waits for a payment that needs customer action (3-D Secure) before it compensates. */
  readonly authorizationTimeoutMs: number;
}

/** How a checkout ended (the order's final state for the saga). */
export interface CheckoutOutcome {
  readonly state: 'CONFIRMED' | 'FAILED' | 'CANCELLED' | 'COMPENSATED';
  readonly reason: string;
}

/** A payment status change the saga hears of (from payment.events). */
export interface PaymentChangedSignal {
  readonly paymentId: string;
  /** Lower case, as payment.events spells it: "authorized", "failed", "captured", … */
  readonly status: string;
  readonly version: number;
  readonly failureCode: string;
}

/** The answer of the saga's cancel update. */
export interface CancelAnswer {
  readonly accepted: boolean;
  /** The saga's stage when asked: "before-capture", "captured", "finished". */
  readonly stage: string;
}

export const CHECKOUT_WORKFLOW = 'checkoutWorkflow';
export const PAYMENT_CHANGED_SIGNAL = 'paymentChanged';
export const CANCEL_UPDATE = 'cancel';

/**
 * The idempotency keys of every step, made from the order id (so a retried or replayed step reuses its key
 * and the callee applies it once). Catalog takes 8-200 characters, payments 1-128 of [A-Za-z0-9._:-].
 */
export const checkoutKeys = (orderId: string) => ({
  stock: (line: CheckoutLine) => `checkout:${orderId}:stock:${line.skuId}:${line.region}`,
  authorize: `checkout:${orderId}:authorize`,
  capture: `checkout:${orderId}:capture`,
  cancelPayment: `checkout:${orderId}:cancel-payment`,
  refund: `checkout:${orderId}:refund`,
  clearCart: `checkout:${orderId}:clear-cart`,
});

/** Failure reasons the saga records (OrderTransition.reason). */
export const CheckoutReasons = {
  insufficientStock: 'insufficient_stock',
  cardDeclined: 'card_declined',
  paymentTimeout: 'payment_timeout',
  cancelledByShopper: 'cancelled_by_shopper',
  stepFailed: 'step_failed',
  /** The saga was never started and the order is too old to start it now (the PENDING-order sweeper). */
  notStarted: 'checkout_not_started',
} as const;
