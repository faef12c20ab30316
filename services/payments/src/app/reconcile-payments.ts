import type { PaymentStatus } from '../domain/payment.js';
import { followIntent } from '../domain/provider-intent.js';
import { announce, recordChange } from './record-change.js';
import type { PaymentChange, PaymentsDeps } from './ports.js';

export interface HealedPayment {
  readonly tenantId: string;
  readonly paymentId: string;
  readonly from: PaymentStatus;
  readonly to: PaymentStatus;
}

export interface ReconcileReport {
  /** Open payments compared with their Stripe intent in this pass. */
  readonly checked: number;
  /** The ones Stripe had moved without our hearing of it (each now with its payment event). */
  readonly healed: readonly HealedPayment[];
  /** Intents that could not be read (Stripe unavailable): looked at again next pass. */
  readonly failed: number;
}

/**
 * One pass of the reconciler: every open payment (requires_action / authorized) whose grace since its last
 * change has passed is compared with its PaymentIntent at Stripe and moved forward as a webhook would have
 * moved it (cause `reconciler`). Idempotent: a payment already in step changes nothing and is looked at
 * again one grace later; each payment is locked while it is compared, so a webhook or command at the same
 * moment waits.
 */
export async function reconcilePayments(deps: PaymentsDeps, limit = 100): Promise<ReconcileReport> {
  const due = await deps.store.dueOpenPayments(deps.clock(), limit);
  const healed: HealedPayment[] = [];
  let failed = 0;
  for (const { tenantId, paymentId } of due) {
    const changes: PaymentChange[] = [];
    try {
      await deps.store.inTenant(tenantId, async (tx) => {
        const payment = await tx.lockPayment(paymentId);
        if (payment === undefined) return tx.watch(paymentId, undefined);
        const now = deps.clock();
        const after = followIntent(payment, await deps.provider.retrieve(payment.stripeIntentId), now);
        if (after === undefined) return tx.watch(paymentId, now + deps.reconcileAfterMs);
        changes.push(await recordChange(deps, tx, after, 'reconciler'));
        healed.push({ tenantId, paymentId, from: payment.status, to: after.status });
      });
    } catch (error) {
      failed += 1;
      deps.logger.warn({ err: error, paymentId }, 'reconciler could not compare a payment');
    }
    await announce(deps, changes);
  }
  return { checked: due.length, healed, failed };
}
