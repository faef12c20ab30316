import { Client, Connection } from '@temporalio/client';
import { z } from 'zod';
import { CounterActor } from '@shopstream/actor-counter';
import { baseConfigSchema, createDaprServer, runService } from '@shopstream/service-defaults';
import { createCalleeClient } from './ping-callee.js';
import { registerRoutes } from './routes.js';

const configSchema = baseConfigSchema.extend({
  TEMPORAL_ADDRESS: z.string().min(1),
  TEMPORAL_NAMESPACE: z.string().min(1),
});

/** skeleton-caller: hosts CounterActor, calls the callee over gRPC, publishes events, starts workflows. */
await runService({
  configSchema,
  start: async (context) => {
    const { config, logger, readiness, onShutdown } = context;
    const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
    onShutdown('temporal-connection', () => connection.close());
    const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
    const callee = createCalleeClient(config);
    onShutdown('callee-client', () => callee.close());

    const server = createDaprServer({ config, logger, readiness });
    await server.actor.init();
    await server.actor.registerActor(CounterActor);
    registerRoutes(server, { context, callee, temporal });
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
