import { parseOrderId } from '../domain/order-input.js';
import type { Order } from '../domain/order.js';
import { orderNotFound } from '../domain/orders-errors.js';
import type { OrdersCaller } from './caller.js';
import { withHistory, type OrderWithHistory } from './order-view.js';
import type { OrderTransaction, OrdersDeps } from './ports.js';

/** The order if the caller may see it: their own, or any of the tenant's for an admin (else NotFound). */
export async function visibleOrder(
  tx: OrderTransaction,
  caller: OrdersCaller,
  orderId: string,
): Promise<Order> {
  const order = await tx.findOrder(orderId);
  if (!order || (order.userId !== caller.userId && !caller.isAdmin)) throw orderNotFound();
  return order;
}

/** One order with its history of states; another user's or tenant's order is not found. */
export async function getOrder(
  deps: Pick<OrdersDeps, 'store'>,
  caller: OrdersCaller,
  request: { readonly order_id: string },
): Promise<OrderWithHistory> {
  const orderId = parseOrderId(request);
  return deps.store.inTenant(caller.tenantId, async (tx) =>
    withHistory(tx, await visibleOrder(tx, caller, orderId)),
  );
}
