import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import { move, type Order, type OrderState } from '../domain/order.js';
import { orderNotFound } from '../domain/orders-errors.js';
import { ORDER_LIFECYCLE_TOPIC, orderLifecycleEvent } from './order-events.js';
import type { CheckoutStepDeps } from './ports.js';

export const invalidTransition = (from: OrderState, to: OrderState): DomainError =>
  new DomainError(
    ErrorKind.Conflict,
    'Orders.InvalidTransition',
    `An order cannot move from ${from} to ${to}.`,
  );

/**
 * Moves an order to `to` under its row lock, recording the transition and its `order.lifecycle` event in the
 * same transaction. Repeating a move that was made changes nothing (a retried step); a move the state machine
 * forbids is `Orders.InvalidTransition`.
 */
export async function moveOrder(
  deps: Pick<CheckoutStepDeps, 'store' | 'clock' | 'eventSource'>,
  target: { readonly tenantId: string; readonly orderId: string },
  to: OrderState,
  facts: { readonly reason?: string; readonly paymentId?: string } = {},
): Promise<Order> {
  return deps.store.inTenant(target.tenantId, async (tx) => {
    const order = await tx.lockOrder(target.orderId);
    if (!order) throw orderNotFound();
    const outcome = move(order, to, deps.clock(), facts);
    if (outcome.kind === 'already') return order;
    if (outcome.kind === 'refused') throw invalidTransition(outcome.from, to);
    await tx.recordTransition(outcome.order, outcome.transition);
    await tx.enqueue(
      ORDER_LIFECYCLE_TOPIC,
      orderLifecycleEvent(outcome.order, outcome.transition, deps.eventSource),
    );
    return outcome.order;
  });
}
