import { move } from '../domain/order.js';
import { CheckoutReasons } from '../domain/checkout.js';
import { ORDER_LIFECYCLE_TOPIC, orderLifecycleEvent } from './order-events.js';
import { checkoutInputOf } from './order-view.js';
import type { OrdersDeps } from './ports.js';

export interface PendingSweepPolicy {
  /** A PENDING order younger than this is left alone: its CreateOrder may still be starting the saga. */
  readonly graceMs: number;
  /** A PENDING order older than this without a saga is FAILED instead of started (the shopper left long ago). */
  readonly failAfterMs: number;
}

export interface PendingSweepReport {
  /** Pending orders past the grace looked at in this pass. */
  readonly checked: number;
  /** Orders whose saga this pass started (it had never been started). */
  readonly started: readonly string[];
  /** Orders this pass moved PENDING → FAILED (too old, no saga). */
  readonly failed: readonly string[];
  /** Orders that could not be handled (Temporal or Postgres unavailable): looked at again next pass. */
  readonly errors: number;
}

/**
 * One pass of the PENDING-order sweeper (adr/0027): an order still PENDING past the grace had its saga
 * started, or the process died between the order's commit and the start. Younger than `failAfterMs`, the
 * saga `checkout:<orderId>` is started (a no-op when it runs or ran: the id is the order's); older, and
 * with no saga, the order is FAILED (`checkout_not_started`) under its row lock, with its `order.lifecycle`
 * event. Idempotent: an order that left PENDING leaves the pending list in the same transaction, and a
 * second pass (or two at once) starts nothing twice.
 */
export async function sweepPendingOrders(
  deps: Pick<
    OrdersDeps,
    'store' | 'checkout' | 'clock' | 'eventSource' | 'authorizationTimeoutMs' | 'logger'
  >,
  policy: PendingSweepPolicy,
  limit = 100,
): Promise<PendingSweepReport> {
  const now = deps.clock();
  const due = await deps.store.pendingOrders(now - policy.graceMs, limit);
  const started: string[] = [];
  const failed: string[] = [];
  let errors = 0;
  for (const { tenantId, orderId, createdAt } of due) {
    try {
      const tooOld = now - createdAt >= policy.failAfterMs;
      if (tooOld && (await deps.checkout.exists(orderId))) continue; // the saga has it and moves it on
      const outcome = await deps.store.inTenant(tenantId, async (tx) => {
        const order = await tx.lockOrder(orderId);
        if (order === undefined || order.state !== 'PENDING') {
          await tx.forgetPending(orderId);
          return 'gone' as const;
        }
        if (!tooOld) return order;
        const moved = move(order, 'FAILED', deps.clock(), { reason: CheckoutReasons.notStarted });
        if (moved.kind !== 'moved') return 'gone' as const;
        await tx.recordTransition(moved.order, moved.transition);
        await tx.enqueue(
          ORDER_LIFECYCLE_TOPIC,
          orderLifecycleEvent(moved.order, moved.transition, deps.eventSource),
        );
        return 'failed' as const;
      });
      if (outcome === 'failed') failed.push(orderId);
      else if (
        outcome !== 'gone' &&
        (await deps.checkout.start(checkoutInputOf(outcome, deps.authorizationTimeoutMs)))
      )
        started.push(orderId);
    } catch (error) {
      errors += 1;
      deps.logger.warn({ err: error, orderId }, 'pending-order sweeper could not handle an order');
    }
  }
  return { checked: due.length, started, failed, errors };
}
