import type { ServerUnaryCall } from '@grpc/grpc-js';
import { singleMetadataValue, unaryHandler } from '@shopstream/service-defaults';
import {
  authorizeGrpc,
  bearerToken,
  invalidToken,
  missingToken,
  wrongTenant,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import {
  OrdersServiceService as S,
  type CancelOrderRequest,
  type CancelOrderResponse,
  type CreateOrderRequest,
  type CreateOrderResponse,
  type GetOrderRequest,
  type GetOrderResponse,
  type ListOrdersRequest,
  type ListOrdersResponse,
  type OrdersServiceServer,
  type RefundOrderRequest,
  type RefundOrderResponse,
} from '@shopstream/proto/orders/v1/orders_service.js';
import { cancelOrder } from '../../app/cancel-order.js';
import type { OrdersCaller } from '../../app/caller.js';
import { createOrder } from '../../app/create-order.js';
import { getOrder } from '../../app/get-order.js';
import { listOrders } from '../../app/list-orders.js';
import type { OrdersDeps } from '../../app/ports.js';
import { refundOrder } from '../../app/refund-order.js';
import { historyMessage, orderMessage, stateNames } from './order-messages.js';
import { ORDERS_ACCESS_POLICY, ORDERS_ADMIN_ROLE } from './orders-access-policy.js';

const millis = (t: { seconds: string; nanos: number } | undefined) =>
  t === undefined ? undefined : Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6);

/**
 * `shopstream.orders.v1.OrdersService`: who calls (a verified user of the token's tenant, checked against the
 * access policy), the use case with the request in the proto's field names, the answer as a message; every
 * error is a DomainError that `unaryHandler` turns into a gRPC status with `x-error-code`.
 */
export function ordersGrpcService(
  deps: OrdersDeps,
  context: { readonly verifier: TokenVerifier; readonly tenantHeader: string },
): OrdersServiceServer {
  const callerOf = async (call: ServerUnaryCall<unknown, unknown>, path: string): Promise<OrdersCaller> => {
    const token = bearerToken(singleMetadataValue(call.metadata, 'authorization', invalidToken));
    if (token === undefined) throw missingToken();
    const principal = await context.verifier.verify(token);
    authorizeGrpc(ORDERS_ACCESS_POLICY, path, principal);
    const named = singleMetadataValue(call.metadata, context.tenantHeader, invalidToken);
    if (named !== undefined && named !== principal.tenantId) throw wrongTenant();
    return {
      tenantId: principal.tenantId,
      userId: principal.userId,
      accessToken: token,
      isAdmin: principal.admin || principal.roles.includes(ORDERS_ADMIN_ROLE),
    };
  };
  return {
    createOrder: unaryHandler<CreateOrderRequest, CreateOrderResponse>(async (request, call) => {
      const caller = await callerOf(call, S.createOrder.path);
      const { result, replayed } = await createOrder(deps, caller, {
        idempotency_key: request.idempotencyKey,
        payment_method_id: request.paymentMethodId,
        expected_cart_revision: Number(request.expectedCartRevision),
      });
      return { order: historyMessage(result), replayed };
    }),

    getOrder: unaryHandler<GetOrderRequest, GetOrderResponse>(async (request, call) => {
      const caller = await callerOf(call, S.getOrder.path);
      return { order: historyMessage(await getOrder(deps, caller, { order_id: request.orderId })) };
    }),

    listOrders: unaryHandler<ListOrdersRequest, ListOrdersResponse>(async (request, call) => {
      const caller = await callerOf(call, S.listOrders.path);
      const page = await listOrders(deps, caller, {
        all_users: request.allUsers,
        user_id: request.userId,
        states: stateNames(request.states),
        created_after: millis(request.createdAfter),
        created_before: millis(request.createdBefore),
        page_size: request.page?.pageSize ?? 0,
        page_token: request.page?.pageToken ?? '',
      });
      return { orders: page.orders.map((o) => orderMessage(o)), page: { nextPageToken: page.nextPageToken } };
    }),

    cancelOrder: unaryHandler<CancelOrderRequest, CancelOrderResponse>(async (request, call) => {
      const caller = await callerOf(call, S.cancelOrder.path);
      const { result, replayed } = await cancelOrder(deps, caller, {
        idempotency_key: request.idempotencyKey,
        order_id: request.orderId,
      });
      return { order: historyMessage(result), replayed };
    }),

    refundOrder: unaryHandler<RefundOrderRequest, RefundOrderResponse>(async (request, call) => {
      const caller = await callerOf(call, S.refundOrder.path);
      const { result, replayed } = await refundOrder(deps, caller, {
        idempotency_key: request.idempotencyKey,
        order_id: request.orderId,
      });
      return { order: historyMessage(result), replayed };
    }),
  };
}
