import type { Pool } from 'pg';
import { daprActorInvoker, type ServiceContext } from '@shopstream/service-defaults';
import { openServicePool } from '@shopstream/service-defaults/postgres';
import type { CheckoutStepDeps, ServiceCredentials } from '../app/ports.js';
import type { OrdersWorkerConfig } from '../config.js';
import { cartActorClient } from '../infra/cart-actor-client.js';
import { catalogStock } from '../infra/catalog-stock-client.js';
import { paymentsGateway } from '../infra/payments-client.js';
import { createOrderStore } from '../infra/pg-order-store.js';

/** What the saga's activities need: the orders database, catalog and payments with this service's identity, the cart. */
export function checkoutStepDeps(
  context: ServiceContext<OrdersWorkerConfig>,
  credentials: ServiceCredentials,
): CheckoutStepDeps {
  const { config, logger, onShutdown } = context;
  const pool: Pool = openServicePool(context, { max: 10 });
  const { stock, close: closeCatalog } = catalogStock(config, credentials);
  const { payments, close: closePayments } = paymentsGateway(config, credentials);
  onShutdown('catalog-client', closeCatalog);
  onShutdown('payments-client', closePayments);
  return {
    store: createOrderStore(pool),
    stock,
    payments,
    carts: cartActorClient(
      daprActorInvoker({
        daprHttpPort: config.DAPR_HTTP_PORT,
        daprApiToken: config.DAPR_API_TOKEN,
        unavailableCode: 'Cart.Unavailable',
      }),
    ),
    clock: Date.now,
    eventSource: config.SERVICE_NAME,
    logger,
  };
}
