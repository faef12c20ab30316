import type { Payment, PaymentStatus } from '../domain/payment.js';
import type { PaymentCommand } from '../domain/payment-input.js';
import { invalidTransition, paymentNotFound } from '../domain/payment-errors.js';
import { followIntent, type ProviderIntent } from '../domain/provider-intent.js';
import { idempotentCall } from './idempotent-call.js';
import { announce, recordChange } from './record-change.js';
import type { PaymentChange, PaymentsDeps, PaymentTransaction } from './ports.js';

/** One command on an existing payment (capture, cancel, refund), as data. */
export interface CommandRule {
  readonly operation: 'capture' | 'cancel' | 'refund';
  /** Past participle for the error message ("cannot be captured"). */
  readonly done: string;
  /** Where the command leads: a payment already there is returned unchanged. */
  readonly reached: readonly PaymentStatus[];
  /** The statuses the command starts from. */
  readonly from: readonly PaymentStatus[];
  readonly call: (deps: PaymentsDeps, intentId: string, key: string) => Promise<ProviderIntent>;
}

/**
 * Runs a command on a locked payment: a payment already where the command leads is answered unchanged;
 * one that Stripe may have moved meanwhile (3-D Secure completed, a missed webhook) is re-read first; one in
 * another status is `Payments.InvalidTransition`. The Stripe key derives from our payment id and the
 * operation, so a retry after a lost answer does not act twice.
 */
export async function runCommand(
  deps: PaymentsDeps,
  tenantId: string,
  input: PaymentCommand,
  rule: CommandRule,
): Promise<Payment> {
  const changes: PaymentChange[] = [];
  const { result } = await deps.store.inTenant(tenantId, (tx) =>
    idempotentCall(tx, { key: input.idempotencyKey, operation: rule.operation, request: input }, async () => {
      let payment = await tx.lockPayment(input.paymentId);
      if (payment === undefined) throw paymentNotFound();
      if (rule.reached.includes(payment.status)) return payment;
      if (!rule.from.includes(payment.status) || payment.status === 'requires_action') {
        payment = await refresh(deps, tx, payment, changes);
        if (rule.reached.includes(payment.status)) return payment;
      }
      if (!rule.from.includes(payment.status)) throw invalidTransition(payment.status, rule.done);
      const intent = await rule.call(deps, payment.stripeIntentId, `payment:${payment.id}:${rule.operation}`);
      const after = followIntent(payment, intent, deps.clock());
      if (after === undefined) return payment;
      changes.push(await recordChange(deps, tx, after, 'api'));
      return after;
    }),
  );
  await announce(deps, changes);
  return result;
}

async function refresh(
  deps: PaymentsDeps,
  tx: PaymentTransaction,
  payment: Payment,
  changes: PaymentChange[],
): Promise<Payment> {
  const after = followIntent(payment, await deps.provider.retrieve(payment.stripeIntentId), deps.clock());
  if (after === undefined) return payment;
  changes.push(await recordChange(deps, tx, after, 'reconciler'));
  return after;
}
