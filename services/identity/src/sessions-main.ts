import { SessionActor } from '@shopstream/actor-session';
import { createDaprServer, runService } from '@shopstream/service-defaults';
import { createSessionActorClient, daprActorInvoker } from './api/session-actor-client.js';
import { identityConfigSchema } from './config.js';
import { registerBrowserRoutes } from './http/browser-routes.js';
import { registerJwksRoute } from './http/jwks-route.js';
import {
  identityDeps,
  localTokenVerifier,
  openIdentityPool,
  openKeyRing,
  openThrottleRedis,
} from './wiring/identity-wiring.js';

/**
 * identity-sessions: the HTTP Dapr app that hosts SessionActor (the JS SDK hosts actors only on an HTTP app;
 * the gRPC `identity` app calls the actors through its sidecar) and the browser flows (`/auth/*`, JSON, for
 * the web BFF). Uses the `identity` database (the `identity` app migrates it and starts first) and Redis
 * (login throttle). The actors are called through the local sidecar: Dapr places them.
 */
await runService({
  configSchema: identityConfigSchema,
  start: async (context) => {
    const { config, logger, readiness, onShutdown } = context;
    const pool = openIdentityPool(context);
    const keyStore = await openKeyRing(pool, context);
    const redis = openThrottleRedis(context); // after the pool: closed before pool.end()

    const server = createDaprServer({ config, logger, readiness });
    await server.actor.init();
    await server.actor.registerActor(SessionActor);
    registerJwksRoute(server, keyStore);
    registerBrowserRoutes(server, {
      deps: identityDeps(pool, keyStore, redis, config.SERVICE_NAME),
      verifier: localTokenVerifier(keyStore),
      sessions: createSessionActorClient(
        daprActorInvoker({ daprHttpPort: config.DAPR_HTTP_PORT, daprApiToken: config.DAPR_API_TOKEN }),
      ),
      logger,
    });
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
