import { parseOrderCommand } from '../domain/order-input.js';
import { isCancellable } from '../domain/order.js';
import { tooLateToCancel } from '../domain/orders-errors.js';
import type { OrdersCaller } from './caller.js';
import { visibleOrder } from './get-order.js';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import { withHistory, type OrderWithHistory } from './order-view.js';
import type { OrdersDeps } from './ports.js';

/**
 * A shopper's cancel: asks the running saga (a Temporal update, so the saga itself says whether it is before
 * capture); it then compensates and the order ends CANCELLED. Already CANCELLED: unchanged. Paid or later, or
 * finished otherwise: `Orders.TooLateToCancel`.
 */
export async function cancelOrder(
  deps: OrdersDeps,
  caller: OrdersCaller,
  request: { readonly idempotency_key: string; readonly order_id: string },
): Promise<IdempotentResult<OrderWithHistory>> {
  const command = parseOrderCommand(request);
  const scope = `orders|cancel|${caller.tenantId}|user:${caller.userId}`;
  const fingerprint = fingerprintOf('CancelOrder', [command.orderId]);
  return idempotently(deps, { scope, key: command.idempotencyKey, fingerprint }, async () => {
    const read = () =>
      deps.store.inTenant(caller.tenantId, async (tx) =>
        withHistory(tx, await visibleOrder(tx, caller, command.orderId)),
      );
    const before = await read();
    if (before.order.state === 'CANCELLED') return before;
    if (!isCancellable(before.order.state)) throw tooLateToCancel(before.order.state);
    const answer = await deps.checkout.cancel(caller.tenantId, command.orderId);
    if (!answer.accepted) throw tooLateToCancel((await read()).order.state);
    return read();
  });
}
