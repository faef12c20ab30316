import type { Payment } from '../domain/payment.js';
import { paymentNotFound } from '../domain/payment-errors.js';
import type { PaymentsDeps } from './ports.js';

/** One payment of the tenant (another tenant's is not found: row-level security hides it). */
export async function getPayment(deps: PaymentsDeps, tenantId: string, paymentId: string): Promise<Payment> {
  const payment = await deps.store.inTenant(tenantId, (tx) => tx.findPayment(paymentId));
  if (payment === undefined) throw paymentNotFound();
  return payment;
}
