import { z } from 'zod';
import {
  baseConfigSchema,
  createDaprServer,
  DomainError,
  ErrorKind,
  jsonRoute,
  runService,
  subscribeEvents,
} from '@shopstream/service-defaults';
import { findEvent, recordEvent } from './received-events.js';
import { startGreetingWorker } from './temporal-worker.js';

const configSchema = baseConfigSchema.extend({
  TEMPORAL_ADDRESS: z.string().min(1),
  TEMPORAL_NAMESPACE: z.string().min(1),
});

/** skeleton-worker: pub/sub consumer of platform events and Temporal worker of the greeting workflow. */
await runService({
  configSchema,
  start: async ({ config, logger, dapr, readiness, onShutdown }) => {
    const server = createDaprServer({ config, logger, readiness });
    subscribeEvents(server, logger, [
      {
        pubsubName: 'pubsub',
        topic: 'platform.events',
        deadLetterTopic: 'platform.events.dead',
        handler: (event) => recordEvent(dapr, event),
      },
    ]);
    jsonRoute(server, 'get', '/received/:id', async ({ params }) => {
      const event = await findEvent(dapr, params.id ?? '');
      if (!event)
        throw new DomainError(ErrorKind.NotFound, 'Platform.EventNotReceived', 'no such event received');
      return event;
    });
    await server.start();
    onShutdown('dapr-server', () => server.stop());
    const worker = await startGreetingWorker({
      address: config.TEMPORAL_ADDRESS,
      namespace: config.TEMPORAL_NAMESPACE,
      identity: config.SERVICE_NAME,
      logger,
    });
    onShutdown('temporal-worker', () => worker.shutdown());
  },
});
