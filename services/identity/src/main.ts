import { createGrpcServer, runService } from '@shopstream/service-defaults';
import { daprOutboxPublisher, startOutboxRelay } from '@shopstream/service-defaults/postgres';
import { IdentityServiceService } from '@shopstream/proto/identity/v1/identity_service.js';
import { identityApiConfigSchema } from './config.js';
import { identityGrpcService } from './adapters/grpc/identity-grpc-service.js';
import { createIdentityStore } from './infra/identity-store.js';
import { loadServiceClients } from './infra/service-client-registry.js';
import { migrateIdentityDatabase } from './infra/migrate-identity-database.js';
import {
  localTokenVerifier,
  openIdentityPool,
  openKeyRing,
  serviceTokenDeps,
} from './wiring/identity-wiring.js';

/**
 * identity: the gRPC Dapr app serving `shopstream.identity.v1.IdentityService` (GetUser, ValidateToken, the
 * client-credentials grant IssueServiceToken). Start: service clients (SERVICE_CLIENTS_FILE) → pool →
 * migrations → key ring (load or create) → outbox relay (`user.events` via pubsub) → gRPC.
 */
await runService({
  configSchema: identityApiConfigSchema,
  start: async ({ config, logger, dapr, onShutdown, addReadinessCheck }) => {
    const clients = loadServiceClients(config.SERVICE_CLIENTS_FILE);
    const pool = openIdentityPool({ config, logger, onShutdown, addReadinessCheck });
    await migrateIdentityDatabase(pool, logger);
    const keyStore = await openKeyRing(pool, { logger, onShutdown });

    const relay = startOutboxRelay({ pool, publish: daprOutboxPublisher(dapr, 'pubsub'), logger });
    onShutdown('outbox-relay', () => relay.stop()); // registered after the pool: runs before pool.end()

    // The local key ring's JWKS: no network call, ever.
    const verifier = localTokenVerifier(keyStore);

    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    server.addService(
      IdentityServiceService,
      identityGrpcService({
        store: createIdentityStore(pool),
        verifier,
        serviceTokens: serviceTokenDeps(pool, keyStore, clients, {
          logger,
          serviceName: config.SERVICE_NAME,
        }),
      }),
    );
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
