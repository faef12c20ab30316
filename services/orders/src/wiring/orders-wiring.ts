import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { cartActorClass, createCartTokens, type CartActorClass } from '@shopstream/actor-cart';
import { daprActorInvoker, type ServiceContext } from '@shopstream/service-defaults';
import { createSidecarTokenVerifier, type TokenVerifier } from '@shopstream/service-defaults/auth';
import type { Pool } from 'pg';
import { openServicePool } from '@shopstream/service-defaults/postgres';
import type { CartDeps, CheckoutStarter, OrdersDeps, PaymentsGateway } from '../app/ports.js';
import { createOrderStore } from '../infra/pg-order-store.js';
import type { CartHostConfig, OrdersConfig } from '../config.js';
import { cartActorClient } from '../infra/cart-actor-client.js';
import { cartCallerVerifier } from '../infra/cart-caller-verifier.js';
import { catalogForCarts } from '../infra/catalog-client.js';
import { dynamoIdempotencyStore } from '../infra/dynamodb-idempotency-store.js';

/** Access tokens, verified with identity's JWKS through the sidecar (both orders apps). */
export const sidecarVerifier = (config: OrdersConfig | CartHostConfig): TokenVerifier =>
  createSidecarTokenVerifier({ daprHttpPort: config.DAPR_HTTP_PORT, daprApiToken: config.DAPR_API_TOKEN });

/** The DynamoDB client of the idempotency store (moto locally): part of readiness, destroyed at shutdown. */
export function openDynamo({
  config,
  onShutdown,
  addReadinessCheck,
}: ServiceContext<OrdersConfig>): DynamoDBClient {
  const credentials =
    config.SHOPSTREAM_AWS_ACCESS_KEY_ID && config.SHOPSTREAM_AWS_SECRET_ACCESS_KEY
      ? {
          accessKeyId: config.SHOPSTREAM_AWS_ACCESS_KEY_ID,
          secretAccessKey: config.SHOPSTREAM_AWS_SECRET_ACCESS_KEY,
        }
      : undefined;
  const client = new DynamoDBClient({
    region: config.SHOPSTREAM_AWS_REGION,
    ...(config.SHOPSTREAM_DYNAMODB_ENDPOINT ? { endpoint: config.SHOPSTREAM_DYNAMODB_ENDPOINT } : {}),
    ...(credentials ? { credentials } : {}),
    maxAttempts: 3,
  });
  onShutdown('dynamodb', () => client.destroy());
  addReadinessCheck('dynamodb', async () => {
    await client.send(new DescribeTableCommand({ TableName: config.SHOPSTREAM_KV_TABLE }));
  });
  return client;
}

/** What CartService's use cases need: the idempotency store, CartActor through the sidecar, cart tokens. */
export function cartDeps(context: ServiceContext<OrdersConfig>, dynamo: DynamoDBClient): CartDeps {
  const { config, logger } = context;
  return {
    idempotency: dynamoIdempotencyStore({
      client: dynamo,
      table: config.SHOPSTREAM_KV_TABLE,
      ttlMs: config.IDEMPOTENCY_TTL,
    }),
    carts: cartActorClient(
      daprActorInvoker({
        daprHttpPort: config.DAPR_HTTP_PORT,
        daprApiToken: config.DAPR_API_TOKEN,
        unavailableCode: 'Cart.Unavailable',
      }),
    ),
    cartTokens: createCartTokens(config.CART_TOKEN_SECRET),
    logger,
  };
}

/** CartActor built with the catalog (through the sidecar), the caller verifier and the expiry policy. */
export function cartActor({ config, onShutdown }: ServiceContext<CartHostConfig>): CartActorClass {
  const { catalog, close } = catalogForCarts(config);
  onShutdown('catalog-client', close);
  const byTenant = config.CART_EXPIRY_BY_TENANT;
  return cartActorClass({
    catalog,
    callers: cartCallerVerifier(sidecarVerifier(config), createCartTokens(config.CART_TOKEN_SECRET)),
    expiryMs: (tenantId) =>
      (Object.hasOwn(byTenant, tenantId) ? byTenant[tenantId] : undefined) ?? config.CART_EXPIRY,
  });
}

/** The orders database pool (checkouts hold it only for short transactions). */
export const openOrdersPool = (context: ServiceContext<OrdersConfig>): Pool =>
  openServicePool(context, { max: 10 });

/** What OrdersService's use cases need. */
export function ordersDeps(
  context: ServiceContext<OrdersConfig>,
  parts: {
    readonly pool: Pool;
    readonly cart: CartDeps;
    readonly checkout: CheckoutStarter;
    readonly payments: PaymentsGateway;
  },
): OrdersDeps {
  return {
    idempotency: parts.cart.idempotency,
    carts: parts.cart.carts,
    store: createOrderStore(parts.pool),
    checkout: parts.checkout,
    payments: parts.payments,
    clock: Date.now,
    eventSource: context.config.SERVICE_NAME,
    authorizationTimeoutMs: context.config.CHECKOUT_AUTHORIZATION_TIMEOUT,
    logger: context.logger,
  };
}
