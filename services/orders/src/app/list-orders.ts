import { parseListOrders } from '../domain/order-input.js';
import type { Order } from '../domain/order.js';
import { adminRequired } from '../domain/orders-errors.js';
import { decodePageToken, encodePageToken, filterDigest } from '../domain/page-token.js';
import type { OrdersCaller } from './caller.js';
import type { OrdersDeps } from './ports.js';

export interface OrderPage {
  readonly orders: readonly Order[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
}

/**
 * Orders newest first, one cursor page at a time: the caller's own, or (admins, `all_users` / `user_id`)
 * the tenant's, filtered by state and creation time. A page token is bound to the filters it was made for.
 */
export async function listOrders(
  deps: Pick<OrdersDeps, 'store'>,
  caller: OrdersCaller,
  request: unknown,
): Promise<OrderPage> {
  const input = parseListOrders(request);
  if (input.allUsers && !caller.isAdmin)
    throw adminRequired(input.userId === undefined ? 'all_users' : 'user_id');
  const userId = input.allUsers ? input.userId : caller.userId;
  const digest = filterDigest([userId ?? '*', input.states, input.createdAfter, input.createdBefore]);
  const after = input.pageToken === undefined ? undefined : decodePageToken(input.pageToken, digest);
  const rows = await deps.store.inTenant(caller.tenantId, (tx) =>
    tx.listOrders({
      userId,
      states: input.states,
      createdAfter: input.createdAfter,
      createdBefore: input.createdBefore,
      after,
      limit: input.pageSize + 1,
    }),
  );
  const orders = rows.slice(0, input.pageSize);
  const last = orders.at(-1);
  return {
    orders,
    nextPageToken:
      rows.length > input.pageSize && last
        ? encodePageToken({ createdAt: last.createdAt, id: last.id }, digest)
        : '',
  };
}
