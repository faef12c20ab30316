import { createGrpcServer, runService } from '@shopstream/service-defaults';
import { CartServiceService } from '@shopstream/proto/orders/v1/cart_service.js';
import { cartGrpcService } from './adapters/grpc/cart-grpc-service.js';
import { ordersConfigSchema } from './config.js';
import { cartDeps, openDynamo, sidecarVerifier } from './wiring/orders-wiring.js';

/**
 * orders: the gRPC Dapr app serving `shopstream.orders.v1.CartService` (OrdersService follows with the
 * checkout saga). Carts live in CartActor, hosted by the `orders-cart` app (src/cart-host-main.ts) and called
 * through this app's sidecar; idempotency records live in DynamoDB.
 */
await runService({
  configSchema: ordersConfigSchema,
  start: async (context) => {
    const { config, logger, onShutdown } = context;
    const dynamo = openDynamo(context);
    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    server.addService(
      CartServiceService,
      cartGrpcService(cartDeps(context, dynamo), {
        verifier: sidecarVerifier(config),
        tenantHeader: config.TENANT_HEADER,
      }),
    );
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
