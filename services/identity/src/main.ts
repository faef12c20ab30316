import { createGrpcServer, runService } from '@shopstream/service-defaults';
import { createTokenVerifier } from '@shopstream/service-defaults/auth';
import {
  createPgPool,
  daprOutboxPublisher,
  pgReadinessCheck,
  startOutboxRelay,
} from '@shopstream/service-defaults/postgres';
import { IdentityServiceService } from '@shopstream/proto/identity/v1/identity_service.js';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  CLOCK_TOLERANCE_SEC,
  identityConfigSchema,
  KEY_RING_RELOAD_MS,
} from './config.js';
import { identityGrpcService } from './grpc/identity-grpc-service.js';
import { createIdentityStore } from './infra/identity-store.js';
import { migrateIdentityDatabase } from './infra/migrate-identity-database.js';
import { openSigningKeyStore } from './infra/signing-key-store.js';

/**
 * identity: the gRPC Dapr app serving `shopstream.identity.v1.IdentityService` (GetUser, ValidateToken).
 * Start: pool → migrations → key ring (load or create) → outbox relay (`user.events` via pubsub) → gRPC.
 */
await runService({
  configSchema: identityConfigSchema,
  start: async ({ config, logger, dapr, onShutdown, addReadinessCheck }) => {
    const pool = createPgPool({
      connectionString: config.DATABASE_URL,
      applicationName: config.SERVICE_NAME,
      logger,
    });
    onShutdown('postgres', () => pool.end());
    addReadinessCheck('postgres', pgReadinessCheck(pool));
    await migrateIdentityDatabase(pool, logger);

    const keyStore = await openSigningKeyStore(pool);
    const reload = setInterval(() => {
      keyStore.reload().catch((error: unknown) => logger.warn({ err: error }, 'key ring reload failed'));
    }, KEY_RING_RELOAD_MS);
    reload.unref();
    onShutdown('key-ring-reload', () => clearInterval(reload));

    const relay = startOutboxRelay({ pool, publish: daprOutboxPublisher(dapr, 'pubsub'), logger });
    onShutdown('outbox-relay', () => relay.stop()); // registered after the pool: runs before pool.end()

    // The local key ring's JWKS: no network call, ever.
    const verifier = createTokenVerifier({
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
      jwks: () => Promise.resolve(keyStore.keyRing().jwks(Date.now())),
      clockToleranceSec: CLOCK_TOLERANCE_SEC,
      cacheTtlMs: KEY_RING_RELOAD_MS,
      refetchCooldownMs: 1_000,
    });

    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    server.addService(
      IdentityServiceService,
      identityGrpcService({ store: createIdentityStore(pool), verifier }),
    );
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
