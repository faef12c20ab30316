import {
  APP_CALLBACK_TOKENLESS_METHODS,
  createGrpcServer,
  grpcEventSubscriptions,
  runService,
} from '@shopstream/service-defaults';
import { createSidecarTokenVerifier } from '@shopstream/service-defaults/auth';
import { daprOutboxPublisher, startOutboxRelay } from '@shopstream/service-defaults/postgres';
import { CatalogServiceService } from '@shopstream/proto/catalog/v1/catalog_service.js';
import { catalogConfigSchema } from './config.js';
import { productEventsSubscription } from './adapters/events/product-events-consumer.js';
import { catalogGrpcService } from './adapters/grpc/catalog-grpc-service.js';
import { migrateCatalogDatabase } from './infra/migrate-catalog-database.js';
import { catalogDeps, openCatalogPool, openReadCache } from './wiring/catalog-wiring.js';

/**
 * catalog: the gRPC Dapr app serving `shopstream.catalog.v1.CatalogService`.
 * Start: pool → migrations → read cache → outbox relay (`product.events` via pubsub) → gRPC (CatalogService
 * + the AppCallback subscription through which its own events keep the read cache fresh).
 */
await runService({
  configSchema: catalogConfigSchema,
  start: async (context) => {
    const { config, logger, dapr, onShutdown } = context;
    const pool = openCatalogPool(context);
    await migrateCatalogDatabase(pool, logger);
    const cache = openReadCache(context);

    const relay = startOutboxRelay({ pool, publish: daprOutboxPublisher(dapr, 'pubsub'), logger });
    onShutdown('outbox-relay', () => relay.stop()); // registered after the pool: runs before pool.end()

    const verifier = createSidecarTokenVerifier({
      daprHttpPort: config.DAPR_HTTP_PORT,
      daprApiToken: config.DAPR_API_TOKEN,
    });
    const server = createGrpcServer({
      port: config.APP_PORT,
      appApiToken: config.APP_API_TOKEN,
      logger,
      tokenExemptMethods: cache.enabled ? APP_CALLBACK_TOKENLESS_METHODS : [],
    });
    server.addService(
      CatalogServiceService,
      catalogGrpcService(catalogDeps(pool, cache, context), { verifier, tenantHeader: config.TENANT_HEADER }),
    );
    if (cache.enabled) {
      const subscriptions = grpcEventSubscriptions(logger, [productEventsSubscription(cache)]);
      server.addService(subscriptions.definition, subscriptions.implementation);
    }
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
