import { SessionActor } from '@shopstream/actor-session';
import { baseConfigSchema, createDaprServer, runService } from '@shopstream/service-defaults';

/**
 * identity-sessions: the HTTP Dapr app that hosts SessionActor (the JS SDK hosts actors only on an HTTP app;
 * the gRPC `identity` app calls the actors through its sidecar).
 */
await runService({
  configSchema: baseConfigSchema,
  start: async ({ config, logger, readiness, onShutdown }) => {
    const server = createDaprServer({ config, logger, readiness });
    await server.actor.init();
    await server.actor.registerActor(SessionActor);
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
