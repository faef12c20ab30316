import type { Payment } from '../domain/payment.js';
import { paymentIdFor } from '../domain/payment-id.js';
import type { CreateIntentInput } from '../domain/payment-input.js';
import { providerRejected } from '../domain/payment-errors.js';
import { statusOfIntent } from '../domain/provider-intent.js';
import { idempotentCall } from './idempotent-call.js';
import { announce, recordChange } from './record-change.js';
import type { PaymentChange, PaymentsDeps } from './ports.js';

/**
 * Creates and confirms the order's PaymentIntent (manual capture) and records the payment with its event.
 * One order has one payment: a second call for the order (another key) returns it unchanged. The Stripe call
 * runs inside the transaction that holds the order's lock, so concurrent calls for one order wait for it.
 */
export async function createIntent(
  deps: PaymentsDeps,
  tenantId: string,
  input: CreateIntentInput,
): Promise<Payment> {
  const changes: PaymentChange[] = [];
  const { result } = await deps.store.inTenant(tenantId, (tx) =>
    idempotentCall(
      tx,
      { key: input.idempotencyKey, operation: 'create-intent', request: input },
      async () => {
        await tx.lockOrder(input.orderId);
        const existing = await tx.findByOrder(input.orderId);
        if (existing) return existing;
        const id = paymentIdFor(tenantId, input.orderId);
        const intent = await deps.provider.createAndConfirm({
          amountMinor: input.amountMinor,
          currency: input.currency,
          paymentMethodId: input.paymentMethodId,
          metadata: { tenant_id: tenantId, order_id: input.orderId, payment_id: id },
          idempotencyKey: `payment:${id}:create`,
        });
        const status = statusOfIntent(intent);
        if (status === undefined || intent.amountMinor !== input.amountMinor)
          throw providerRejected(new Error(`unexpected intent state ${intent.status}`));
        const now = deps.clock();
        const payment: Payment = {
          tenantId,
          id,
          orderId: input.orderId,
          status,
          currency: input.currency,
          amountMinor: input.amountMinor,
          refundedMinor: 0,
          stripeIntentId: intent.id,
          failureCode: status === 'failed' ? (intent.failureCode ?? 'unknown') : undefined,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        changes.push(await recordChange(deps, tx, payment, 'api'));
        return payment;
      },
    ),
  );
  await announce(deps, changes);
  return result;
}
