import { baseConfigSchema, createGrpcServer, runService, unaryHandler } from '@shopstream/service-defaults';
import {
  PingServiceService,
  type PingRequest,
  type WhoAmIRequest,
} from '@shopstream/proto/platform/v1/ping_service.js';
import { createSidecarTokenVerifier } from '@shopstream/service-defaults/auth';
import { ping } from './ping.js';
import { whoAmI } from './who-am-i.js';

/**
 * skeleton-callee: a gRPC app (app protocol grpc) reached only through Dapr's gRPC proxying. WhoAmI is the
 * reference protected method outside identity (access tokens verified locally against identity's JWKS).
 */
await runService({
  configSchema: baseConfigSchema,
  start: async ({ config, logger, onShutdown }) => {
    const server = createGrpcServer({ port: config.APP_PORT, appApiToken: config.APP_API_TOKEN, logger });
    const verifier = createSidecarTokenVerifier({
      daprHttpPort: config.DAPR_HTTP_PORT,
      daprApiToken: config.DAPR_API_TOKEN,
    });
    server.addService(PingServiceService, {
      ping: unaryHandler((request: PingRequest) => ping(request, config.SERVICE_NAME)),
      whoAmI: unaryHandler((request: WhoAmIRequest, call) => whoAmI(verifier, request, call)),
    });
    await server.listen();
    onShutdown('grpc-server', () => server.stop());
  },
});
