import { createDaprServer, runService } from '@shopstream/service-defaults';
import { cartHostConfigSchema } from './config.js';
import { cartActor } from './wiring/orders-wiring.js';

/**
 * orders-cart: the HTTP Dapr app that hosts CartActor (the JS SDK hosts actors only on an HTTP app channel,
 * adr/0011; the gRPC `orders` app calls the actors through its sidecar, adr/0045). Each actor prices its lines
 * with the catalog (gRPC through this app's sidecar) and verifies its caller's credential itself.
 */
await runService({
  configSchema: cartHostConfigSchema,
  start: async (context) => {
    const { config, logger, readiness, onShutdown } = context;
    const server = createDaprServer({ config, logger, readiness });
    await server.actor.init();
    await server.actor.registerActor(cartActor(context));
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
