import type { PaymentChangedSignal } from '../domain/checkout.js';
import type { CheckoutSignals } from './ports.js';

/**
 * A payment changed (payment.events): tell the order's checkout. Idempotent: the saga keeps only a higher
 * payment version than it has seen, so a redelivered or out-of-order event changes nothing; a checkout that
 * finished is not waiting and the signal is dropped.
 */
export async function forwardPaymentChange(
  signals: CheckoutSignals,
  change: { readonly orderId: string } & PaymentChangedSignal,
): Promise<void> {
  const { orderId, ...signal } = change;
  await signals.paymentChanged(orderId, signal);
}
