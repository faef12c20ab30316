import type { CheckoutStepDeps, PaymentView } from '../ports.js';

export interface AuthorizeStep {
  readonly tenantId: string;
  readonly orderId: string;
  readonly currency: string;
  readonly amountMinor: number;
  readonly paymentMethodId: string;
  readonly idempotencyKey: string;
}

/**
 * Saga step: creates and confirms the order's payment intent. The answer is the payment as it stands:
 * authorized, requires_action (3-D Secure: the saga waits for the webhook) or failed (a decline is an answer).
 */
export function authorizePayment(
  deps: Pick<CheckoutStepDeps, 'payments'>,
  step: AuthorizeStep,
): Promise<PaymentView> {
  return deps.payments.createIntent(step.tenantId, {
    idempotencyKey: step.idempotencyKey,
    orderId: step.orderId,
    currency: step.currency,
    amountMinor: step.amountMinor,
    paymentMethodId: step.paymentMethodId,
  });
}

/** The payment as payments has it now (the saga's fallback when a signal may have been missed). */
export async function readPayment(
  deps: Pick<CheckoutStepDeps, 'payments'>,
  step: { readonly tenantId: string; readonly orderId: string },
): Promise<PaymentView | undefined> {
  return deps.payments.findByOrder(step.tenantId, step.orderId);
}

/** Saga step: captures the authorized amount. */
export function capturePayment(
  deps: Pick<CheckoutStepDeps, 'payments'>,
  step: { readonly tenantId: string; readonly paymentId: string; readonly idempotencyKey: string },
): Promise<PaymentView> {
  return deps.payments.capture(step.tenantId, step.idempotencyKey, step.paymentId);
}

/**
 * Compensation: gives the money back whatever happened — cancels an authorization, refunds a capture, leaves
 * a failed or canceled payment alone, and does nothing when no payment was created. The payment is found by
 * order, so it works even when the authorize step's answer was lost.
 */
export async function releasePayment(
  deps: Pick<CheckoutStepDeps, 'payments' | 'logger'>,
  step: {
    readonly tenantId: string;
    readonly orderId: string;
    readonly cancelKey: string;
    readonly refundKey: string;
  },
): Promise<PaymentView | undefined> {
  const payment = await deps.payments.findByOrder(step.tenantId, step.orderId);
  if (!payment) return undefined;
  switch (payment.status) {
    case 'requires_action':
    case 'authorized':
      return deps.payments.cancel(step.tenantId, step.cancelKey, payment.paymentId);
    case 'captured':
      return deps.payments.refund(step.tenantId, step.refundKey, payment.paymentId);
    default:
      return payment;
  }
}
