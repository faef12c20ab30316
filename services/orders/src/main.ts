import { serviceTokenSource } from '@shopstream/service-defaults/service-tokens';
import {
  APP_CALLBACK_TOKENLESS_METHODS,
  createGrpcServer,
  grpcEventSubscriptions,
  grpcJobCallbacks,
  runService,
  scheduleDaprJobAfterStart,
} from '@shopstream/service-defaults';
import { daprOutboxPublisher, startOutboxRelay } from '@shopstream/service-defaults/postgres';
import { CartServiceService } from '@shopstream/proto/orders/v1/cart_service.js';
import { OrdersServiceService } from '@shopstream/proto/orders/v1/orders_service.js';
import { paymentEventsSubscription } from './adapters/events/payment-events-consumer.js';
import { PENDING_SWEEPER_JOB, pendingSweeperJob } from './adapters/jobs/pending-sweeper-job.js';
import { cartGrpcService } from './adapters/grpc/cart-grpc-service.js';
import { ordersGrpcService } from './adapters/grpc/orders-grpc-service.js';
import { ordersConfigSchema } from './config.js';
import { migrateOrdersDatabase } from './infra/migrate-orders-database.js';
import { paymentsGateway } from './infra/payments-client.js';
import { temporalCheckout } from './infra/temporal-checkout.js';
import { cartDeps, openDynamo, openOrdersPool, ordersDeps, sidecarVerifier } from './wiring/orders-wiring.js';

/**
 * orders: the gRPC Dapr app serving `shopstream.orders.v1.CartService` and `OrdersService`. Start: pool →
 * migrations → outbox relay (`order.lifecycle`) → Temporal client → gRPC (+ the `payment.events`
 * subscription that signals the checkout saga, + the PENDING-order sweeper's Dapr job callback) → the job
 * scheduled through the sidecar. Carts live in CartActor (app `orders-cart`), the saga runs in
 * `orders-worker`; idempotency records live in DynamoDB.
 */
await runService({
  configSchema: ordersConfigSchema,
  start: async (context) => {
    const { config, logger, dapr, onShutdown } = context;
    const pool = openOrdersPool(context);
    await migrateOrdersDatabase(pool, logger);
    const relay = startOutboxRelay({ pool, publish: daprOutboxPublisher(dapr, 'pubsub'), logger });
    onShutdown('outbox-relay', () => relay.stop());
    const temporal = await temporalCheckout({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
    });
    onShutdown('temporal-client', temporal.close);
    const tokens = serviceTokenSource({ config, logger });
    onShutdown('service-tokens', tokens.close);
    const { payments, close: closePayments } = paymentsGateway(config, tokens);
    onShutdown('payments-client', closePayments);

    const dynamo = openDynamo(context);
    const cart = cartDeps(context, dynamo);
    const verifier = sidecarVerifier(config);
    const server = createGrpcServer({
      port: config.APP_PORT,
      appApiToken: config.APP_API_TOKEN,
      logger,
      tokenExemptMethods: APP_CALLBACK_TOKENLESS_METHODS,
    });
    server.addService(
      CartServiceService,
      cartGrpcService(cart, { verifier, tenantHeader: config.TENANT_HEADER }),
    );
    const orders = ordersDeps(context, { pool, cart, checkout: temporal.starter, payments });
    server.addService(
      OrdersServiceService,
      ordersGrpcService(orders, { verifier, tenantHeader: config.TENANT_HEADER }),
    );
    const subscriptions = grpcEventSubscriptions(logger, [paymentEventsSubscription(temporal.signals)]);
    server.addService(subscriptions.definition, subscriptions.implementation);
    const jobs = grpcJobCallbacks(logger, {
      [PENDING_SWEEPER_JOB]: pendingSweeperJob(orders, {
        graceMs: config.ORDERS_PENDING_SWEEP_AFTER,
        failAfterMs: config.ORDERS_PENDING_FAIL_AFTER,
      }),
    });
    server.addService(jobs.definition, jobs.implementation);
    await server.listen();
    onShutdown('grpc-server', () => server.stop());

    scheduleDaprJobAfterStart(context, {
      name: PENDING_SWEEPER_JOB,
      schedule: config.ORDERS_PENDING_SWEEP_SCHEDULE,
    });
  },
});
