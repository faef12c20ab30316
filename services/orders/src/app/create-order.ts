import { isDomainError } from '@shopstream/service-defaults';
import { parseCreateOrder } from '../domain/order-input.js';
import { orderIdFor } from '../domain/order-id.js';
import { newOrder } from '../domain/order.js';
import { checkoutUnavailable } from '../domain/orders-errors.js';
import type { OrdersCaller } from './caller.js';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import { ORDER_LIFECYCLE_TOPIC, orderLifecycleEvent } from './order-events.js';
import { orderLinesFromCart } from './order-lines-from-cart.js';
import { checkoutInputOf, withHistory, type OrderWithHistory } from './order-view.js';
import type { OrdersDeps } from './ports.js';
import { waitingWhileInProgress } from './waiting-while-in-progress.js';

export interface CreateOrderRequest {
  readonly idempotency_key: string;
  readonly payment_method_id: string;
  readonly expected_cart_revision: number;
}

/**
 * Checkout, up to the early answer: snapshot the caller's cart (priced fresh, checkout ticket for the order),
 * write the order PENDING with its first transition and `order.lifecycle` event in one transaction, start the
 * saga `checkout:<orderId>`, answer. The order id is derived from the key, so a retry (concurrent, after a
 * crash, after the key's record expired) finds the same order and the same workflow: one order per key.
 * Concurrent calls with the key wait for the first one's answer (then replay it) instead of failing.
 */
export async function createOrder(
  deps: OrdersDeps,
  caller: OrdersCaller,
  request: CreateOrderRequest,
): Promise<IdempotentResult<OrderWithHistory>> {
  const input = parseCreateOrder(request);
  const scope = `orders|order|${caller.tenantId}|user:${caller.userId}`;
  const fingerprint = fingerprintOf('CreateOrder', [input.paymentMethodId, input.expectedCartRevision]);
  return waitingWhileInProgress(() =>
    idempotently(deps, { scope, key: input.idempotencyKey, fingerprint }, async () => {
      const orderId = orderIdFor(caller.tenantId, caller.userId, input.idempotencyKey);
      const existing = await deps.store.inTenant(caller.tenantId, async (tx) => {
        const order = await tx.findOrder(orderId);
        return order && (await withHistory(tx, order));
      });
      const placed = existing ?? (await placeOrder(deps, caller, orderId, input));
      // An order that left PENDING has (or had) its saga, or was failed by the sweeper (adr/0027): no start.
      if (placed.order.state !== 'PENDING') return placed;
      try {
        await deps.checkout.start(checkoutInputOf(placed.order, deps.authorizationTimeoutMs));
      } catch (error) {
        throw isDomainError(error) ? error : checkoutUnavailable(error);
      }
      return placed;
    }),
  );
}

async function placeOrder(
  deps: OrdersDeps,
  caller: OrdersCaller,
  orderId: string,
  input: ReturnType<typeof parseCreateOrder>,
): Promise<OrderWithHistory> {
  const owner = { kind: 'user', tenantId: caller.tenantId, userId: caller.userId } as const;
  const cart = await deps.carts(owner).snapshot({ caller: { accessToken: caller.accessToken }, orderId });
  const { lines, currency } = orderLinesFromCart(cart, input.expectedCartRevision);
  const { order, transition } = newOrder({
    tenantId: caller.tenantId,
    id: orderId,
    userId: caller.userId,
    currency,
    lines,
    paymentMethodId: input.paymentMethodId,
    at: deps.clock(),
  });
  return deps.store.inTenant(caller.tenantId, async (tx) => {
    if (await tx.insertOrder(order, transition)) {
      await tx.enqueue(ORDER_LIFECYCLE_TOPIC, orderLifecycleEvent(order, transition, deps.eventSource));
      return { order, transitions: [transition] };
    }
    const raced = await tx.findOrder(orderId);
    return withHistory(tx, raced ?? order);
  });
}
