import { SessionActor } from '@shopstream/actor-session';
import { createDaprServer, runService } from '@shopstream/service-defaults';
import { identityConfigSchema } from './config.js';
import { registerBrowserRoutes } from './adapters/http/browser-routes.js';
import { registerCookieRoutes } from './adapters/http/cookie-routes.js';
import { registerJwksRoute } from './adapters/http/jwks-route.js';
import { createBrowserSessions } from './app/browser-sessions.js';
import { createSessionActorClient, daprActorInvoker } from './infra/session-actor-client.js';
import {
  identityDeps,
  localTokenVerifier,
  openIdentityPool,
  openKeyRing,
  openThrottleRedis,
} from './wiring/identity-wiring.js';

/**
 * identity-sessions: the HTTP Dapr app that hosts SessionActor (the JS SDK hosts actors only on an HTTP app;
 * the gRPC `identity` app calls the actors through its sidecar), the browser flows (`/auth/*` with JSON tokens,
 * `/browser/*` with `__Host-` cookies + CSRF, for the web BFF) and the JWKS (`/.well-known/jwks.json`). Uses the `identity` database (the `identity` app migrates it and starts first) and Redis
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
    const operations = createBrowserSessions({
      deps: identityDeps(pool, keyStore, redis, config.SERVICE_NAME),
      sessions: createSessionActorClient(
        daprActorInvoker({ daprHttpPort: config.DAPR_HTTP_PORT, daprApiToken: config.DAPR_API_TOKEN }),
      ),
      logger,
    });
    const verifier = localTokenVerifier(keyStore);
    registerBrowserRoutes(server, { operations, verifier });
    registerCookieRoutes(server, { operations, verifier });
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
