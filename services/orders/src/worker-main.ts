import { serviceTokenSource } from '@shopstream/service-defaults/service-tokens';
import { createDaprServer, runService } from '@shopstream/service-defaults';
import { createCheckoutActivities } from './activities/checkout.activities.js';
import { ordersWorkerConfigSchema } from './config.js';
import { startCheckoutWorker } from './infra/checkout-worker.js';
import { checkoutStepDeps } from './wiring/checkout-wiring.js';

/**
 * orders-worker: the checkout saga's Temporal worker (workflow `checkoutWorkflow`, its activities). Its own
 * Dapr app so that it can be killed and restarted alone (the saga resumes from its history), and its sidecar
 * carries the activities' calls to catalog, payments and CartActor.
 */
await runService({
  configSchema: ordersWorkerConfigSchema,
  start: async (context) => {
    const { config, logger, readiness, onShutdown } = context;
    const server = createDaprServer({ config, logger, readiness });
    await server.start();
    onShutdown('dapr-server', () => server.stop());
    const tokens = serviceTokenSource({ config, logger });
    onShutdown('service-tokens', tokens.close);
    const deps = checkoutStepDeps(context, tokens);
    const worker = await startCheckoutWorker({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
      identity: config.SERVICE_NAME,
      activities: createCheckoutActivities(deps),
      logger,
    });
    onShutdown('temporal-worker', () => worker.shutdown());
  },
});
