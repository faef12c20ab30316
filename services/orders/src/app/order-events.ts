import { randomUUID } from 'node:crypto';
import { protoTimestamp, type NewEvent } from '@shopstream/service-defaults';
import { OrderLifecycle } from '@shopstream/proto/events/v1/order_events.js';
import type { Order, OrderTransition } from '../domain/order.js';

export const ORDER_LIFECYCLE_TOPIC = 'order.lifecycle';
export const ORDER_LIFECYCLE_TYPE = 'shopstream.events.v1.OrderLifecycle';

/** The `OrderLifecycle` CloudEvent of a committed transition (data = its proto JSON; subject = order id). */
export function orderLifecycleEvent(
  order: Order,
  transition: OrderTransition,
  source: string,
): NewEvent<unknown> {
  const id = randomUUID();
  const message: OrderLifecycle = {
    eventId: id,
    tenantId: order.tenantId,
    orderId: order.id,
    userId: order.userId,
    state: transition.to,
    previousState: transition.from ?? '',
    total: { currencyCode: order.currency, amountMinor: String(order.totalMinor) },
    version: String(transition.version),
    reason: transition.reason,
    ts: protoTimestamp(transition.at),
  };
  return {
    id,
    type: ORDER_LIFECYCLE_TYPE,
    source,
    tenantId: order.tenantId,
    subject: order.id,
    data: OrderLifecycle.toJSON(message),
  };
}
