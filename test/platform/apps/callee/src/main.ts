import { baseConfigSchema, createGrpcServer, runService, unaryHandler } from '@shopstream/service-defaults';
import { PingServiceService, type PingRequest } from '@shopstream/proto/platform/v1/ping_service.js';
import { ping } from './ping.js';

/** skeleton-callee: a gRPC app (app protocol grpc) reached only through Dapr's gRPC proxying. */
await runService({
  configSchema: baseConfigSchema,
  start: async ({ config, logger, onShutdown }) => {
    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    server.addService(PingServiceService, {
      ping: unaryHandler((request: PingRequest) => ping(request, config.SERVICE_NAME)),
    });
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
