import { parseOrderCommand } from '../domain/order-input.js';
import { notRefundable, orderNotFound } from '../domain/orders-errors.js';
import type { OrdersCaller } from './caller.js';
import { visibleOrder } from './get-order.js';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import { moveOrder } from './move-order.js';
import { withHistory, type OrderWithHistory } from './order-view.js';
import type { OrdersDeps } from './ports.js';

/**
 * An admin's full refund of a CONFIRMED order: the payment is refunded (payments' own key per order, so two
 * admins refunding at once refund once), then the order moves to REFUNDED. REFUNDED already: unchanged.
 */
export async function refundOrder(
  deps: OrdersDeps,
  caller: OrdersCaller,
  request: { readonly idempotency_key: string; readonly order_id: string },
): Promise<IdempotentResult<OrderWithHistory>> {
  const command = parseOrderCommand(request);
  const scope = `orders|refund|${caller.tenantId}`;
  const fingerprint = fingerprintOf('RefundOrder', [command.orderId]);
  return idempotently(deps, { scope, key: command.idempotencyKey, fingerprint }, async () => {
    const target = { tenantId: caller.tenantId, orderId: command.orderId };
    const order = await deps.store.inTenant(caller.tenantId, (tx) =>
      visibleOrder(tx, caller, command.orderId),
    );
    if (order.state !== 'REFUNDED') {
      if (order.state !== 'CONFIRMED') throw notRefundable(order.state);
      if (order.paymentId === undefined) throw orderNotFound();
      await deps.payments.refund(caller.tenantId, `order:${order.id}:refund`, order.paymentId);
      await moveOrder(deps, target, 'REFUNDED', { reason: 'refunded_by_admin' });
    }
    return deps.store.inTenant(caller.tenantId, async (tx) =>
      withHistory(tx, await visibleOrder(tx, caller, command.orderId)),
    );
  });
}
