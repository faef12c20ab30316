import type { Metadata } from '@grpc/grpc-js';
import { credentials } from '@grpc/grpc-js';
import {
  AddItemRequest,
  CartServiceClient,
  ClearCartRequest,
  GetCartRequest,
  MergeCartsRequest,
  RemoveItemRequest,
  SetQuantityRequest,
  type AddItemResponse,
  type ClearCartResponse,
  type GetCartResponse,
  type MergeCartsResponse,
  type RemoveItemResponse,
  type SetQuantityResponse,
} from '@shopstream/proto/orders/v1/cart_service.js';
import {
  CancelOrderRequest,
  CreateOrderRequest,
  GetOrderRequest,
  ListOrdersRequest,
  OrdersServiceClient,
  RefundOrderRequest,
  type CancelOrderResponse,
  type CreateOrderResponse,
  type GetOrderResponse,
  type ListOrdersResponse,
  type RefundOrderResponse,
} from '@shopstream/proto/orders/v1/orders_service.js';
import type { Pool } from 'pg';
import { daprGrpcChannelMetadata } from '@shopstream/service-defaults';
import { createPgPool, withTenant } from '@shopstream/service-defaults/postgres';
import { appDatabaseUrl } from '../../../tools/stack/provision-postgres.js';
import { silentLogger } from './database.js';
import { unaryCaller } from './unary-caller.js';
import { daprApiToken, portsOf } from './stack.js';

/** Who calls: a signed-in user's access token, or an anonymous shopper of a shop (`x-tenant-id`). */
export interface ShopperAs {
  readonly token?: string;
  readonly tenant?: string;
  readonly deadlineMs?: number;
}

function metadata(as: ShopperAs): Metadata {
  const md = daprGrpcChannelMetadata('orders', daprApiToken);
  if (as.token !== undefined) md.set('authorization', `Bearer ${as.token}`);
  if (as.tenant !== undefined) md.set('x-tenant-id', as.tenant);
  return md;
}

export interface CartApi {
  getCart(request: Partial<GetCartRequest>, as: ShopperAs): Promise<GetCartResponse>;
  addItem(request: Partial<AddItemRequest>, as: ShopperAs): Promise<AddItemResponse>;
  setQuantity(request: Partial<SetQuantityRequest>, as: ShopperAs): Promise<SetQuantityResponse>;
  removeItem(request: Partial<RemoveItemRequest>, as: ShopperAs): Promise<RemoveItemResponse>;
  clearCart(request: Partial<ClearCartRequest>, as: ShopperAs): Promise<ClearCartResponse>;
  mergeCarts(request: Partial<MergeCartsRequest>, as: ShopperAs): Promise<MergeCartsResponse>;
  close(): void;
}

/**
 * `CartService` through Dapr gRPC proxying, as the web server calls it: a grpc-js client on `fromApp`'s
 * sidecar (default `web`) with `dapr-app-id: orders`. One client per test file; `close()` it in afterAll.
 */
export function cartApi(fromApp = 'web'): CartApi {
  const client = new CartServiceClient(
    `127.0.0.1:${portsOf(fromApp).daprGrpc}`,
    credentials.createInsecure(),
  );
  const call = unaryCaller<CartServiceClient, ShopperAs>(client, metadata);
  return {
    getCart: call(GetCartRequest, 'getCart'),
    addItem: call(AddItemRequest, 'addItem'),
    setQuantity: call(SetQuantityRequest, 'setQuantity'),
    removeItem: call(RemoveItemRequest, 'removeItem'),
    clearCart: call(ClearCartRequest, 'clearCart'),
    mergeCarts: call(MergeCartsRequest, 'mergeCarts'),
    close: () => client.close(),
  };
}

export interface OrdersApi {
  createOrder(request: Partial<CreateOrderRequest>, as: ShopperAs): Promise<CreateOrderResponse>;
  getOrder(request: Partial<GetOrderRequest>, as: ShopperAs): Promise<GetOrderResponse>;
  listOrders(request: Partial<ListOrdersRequest>, as: ShopperAs): Promise<ListOrdersResponse>;
  cancelOrder(request: Partial<CancelOrderRequest>, as: ShopperAs): Promise<CancelOrderResponse>;
  refundOrder(request: Partial<RefundOrderRequest>, as: ShopperAs): Promise<RefundOrderResponse>;
  close(): void;
}

/**
 * `OrdersService` through Dapr gRPC proxying, as the web server calls it: a grpc-js client on `fromApp`'s
 * sidecar (default `web`) with `dapr-app-id: orders`. One client per test file; `close()` it in afterAll.
 */
export function ordersApi(fromApp = 'web'): OrdersApi {
  const client = new OrdersServiceClient(
    `127.0.0.1:${portsOf(fromApp).daprGrpc}`,
    credentials.createInsecure(),
  );
  const call = unaryCaller<OrdersServiceClient, ShopperAs>(client, metadata);
  return {
    createOrder: call(CreateOrderRequest, 'createOrder'),
    getOrder: call(GetOrderRequest, 'getOrder'),
    listOrders: call(ListOrdersRequest, 'listOrders'),
    cancelOrder: call(CancelOrderRequest, 'cancelOrder'),
    refundOrder: call(RefundOrderRequest, 'refundOrder'),
    close: () => client.close(),
  };
}

/** A pool on the `orders` database as its own role (RLS applies: read through `withTenant`). */
export function ordersDatabasePool(applicationName: string): Pool {
  return createPgPool({
    connectionString: appDatabaseUrl('orders'),
    applicationName,
    logger: silentLogger,
    max: 2,
  });
}

/** Rows of one tenant's orders tables: how many orders, transitions and order.lifecycle events exist. */
export async function orderRowCounts(pool: Pool, tenantId: string) {
  return withTenant(pool, tenantId, async (client) => {
    const { rows } = await client.query<{ orders: string; transitions: string }>(
      `SELECT (SELECT count(*) FROM orders) AS orders, (SELECT count(*) FROM order_transitions) AS transitions`,
    );
    const events = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM outbox WHERE topic = 'order.lifecycle' AND tenant_id = $1`,
      [tenantId],
    );
    return {
      orders: Number(rows[0]?.orders ?? 0),
      transitions: Number(rows[0]?.transitions ?? 0),
      events: Number(events.rows[0]?.n ?? 0),
    };
  });
}
