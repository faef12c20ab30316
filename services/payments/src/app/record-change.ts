import type { ChangeCause, Payment } from '../domain/payment.js';
import { PAYMENT_EVENTS_TOPIC, paymentEvent } from './payment-events.js';
import type { PaymentChange, PaymentsDeps, PaymentTransaction } from './ports.js';

/** Statuses Stripe can leave without a call of ours: the reconciler watches them. */
const OPEN: ReadonlySet<Payment['status']> = new Set(['requires_action', 'authorized']);

/**
 * Writes a new or changed payment, its `payment.events` entry and its reconciler watch in one transaction.
 */
export async function recordChange(
  deps: Pick<PaymentsDeps, 'eventSource' | 'reconcileAfterMs'>,
  tx: PaymentTransaction,
  payment: Payment,
  cause: ChangeCause,
): Promise<PaymentChange> {
  if (payment.version === 1) await tx.insertPayment(payment);
  else await tx.updatePayment(payment);
  await tx.enqueue(PAYMENT_EVENTS_TOPIC, paymentEvent(payment, cause, deps.eventSource));
  await tx.watch(
    payment.id,
    OPEN.has(payment.status) ? payment.updatedAt + deps.reconcileAfterMs : undefined,
  );
  return { payment, cause };
}

/** Tells the saga hook about committed changes; a failing hook is logged, the change stands. */
export async function announce(deps: Pick<PaymentsDeps, 'signals' | 'logger'>, changes: PaymentChange[]) {
  for (const change of changes) {
    await deps.signals.paymentChanged(change).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, paymentId: change.payment.id, status: change.payment.status },
        'payment signal failed (the reconciler and payment.events still carry the change)',
      );
    });
  }
}
