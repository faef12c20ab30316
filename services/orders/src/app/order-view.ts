import type { CheckoutInput } from '../domain/checkout.js';
import type { Order, OrderTransition } from '../domain/order.js';
import type { OrderTransaction } from './ports.js';

/** An order with its history of states (GetOrder, CreateOrder). */
export interface OrderWithHistory {
  readonly order: Order;
  readonly transitions: readonly OrderTransition[];
}

export async function withHistory(tx: OrderTransaction, order: Order): Promise<OrderWithHistory> {
  return { order, transitions: await tx.transitions(order.id) };
}

/** The saga's one input object, from the order as written. */
export const checkoutInputOf = (order: Order, authorizationTimeoutMs: number): CheckoutInput => ({
  tenantId: order.tenantId,
  orderId: order.id,
  userId: order.userId,
  currency: order.currency,
  totalMinor: order.totalMinor,
  paymentMethodId: order.paymentMethodId,
  lines: order.lines.map((l) => ({ skuId: l.skuId, region: l.region, quantity: l.quantity })),
  authorizationTimeoutMs,
});
