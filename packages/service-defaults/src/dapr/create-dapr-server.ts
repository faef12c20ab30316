import { createServer, type RequestListener, type Server } from 'node:http';
import { CommunicationProtocolEnum, DaprServer } from '@dapr/dapr';
import type { Logger } from 'pino';
import type { BaseConfig } from '../config/base-config.js';
import { createHealthHandler, HEALTH_PATHS } from '../health/health-handler.js';
import type { Readiness } from '../health/readiness.js';
import { httpRedMiddleware } from '../metrics/http-red-middleware.js';
import { createRedMetrics } from '../metrics/red-metrics.js';
import { daprLoggerOptions } from './dapr-logger.js';
import { bodyErrorHandler } from './body-error-handler.js';
import { guardAsyncRoutes } from './guard-async-routes.js';
import { requireAppToken } from './require-app-token.js';

type Middleware = (req: never, res: never, next: () => void) => void;

/** The part of the SDK's express app we touch (the SDK's public type for it is `any`). */
interface ExpressLike extends RequestListener {
  use(middleware: Middleware): unknown;
  listen: (port: number) => Server;
}

export interface DaprServerDeps {
  readonly config: BaseConfig;
  readonly logger: Logger;
  /** Mounts /healthz and /readyz on the app port too, for daprd's app health checks. */
  readonly readiness?: Readiness;
  /**
   * Largest request body the app parses, in MB (default 1): bigger ones get 413 problem+json. Keep it below
   * daprd's own limit (4 MiB), above which the SIDECAR answers 500 `ERR_DIRECT_INVOKE … stream too large`.
   */
  readonly maxBodySizeMb?: number;
}

/**
 * HTTP app server on 127.0.0.1:APP_PORT for pub/sub subscriptions, bindings, invocation and actors.
 * The SDK neither checks APP_API_TOKEN nor binds to the host it is given (it calls `app.listen(port)`),
 * so we add a token middleware ahead of every SDK route and pin the listener to loopback.
 */
export function createDaprServer({
  config,
  logger,
  readiness,
  maxBodySizeMb = 1,
}: DaprServerDeps): DaprServer {
  if (config.APP_PROTOCOL !== 'http') {
    throw new Error('createDaprServer needs APP_PROTOCOL=http; gRPC apps use createGrpcServer');
  }
  const loggerOptions = daprLoggerOptions(logger);
  const server = new DaprServer({
    serverHost: '127.0.0.1',
    serverPort: String(config.APP_PORT),
    communicationProtocol: CommunicationProtocolEnum.HTTP,
    maxBodySizeMb,
    clientOptions: {
      daprHost: '127.0.0.1',
      daprPort: String(config.DAPR_HTTP_PORT),
      communicationProtocol: CommunicationProtocolEnum.HTTP,
      daprApiToken: config.DAPR_API_TOKEN,
      logger: loggerOptions,
    },
    logger: loggerOptions,
  });
  const app = server.daprServer.getServer() as ExpressLike;
  guardAsyncRoutes(app as unknown as Parameters<typeof guardAsyncRoutes>[0], logger);
  app.listen = (port) => createServer(app).listen(port, '127.0.0.1');
  app.use(httpRedMiddleware(createRedMetrics()));
  app.use(requireAppToken(config.APP_API_TOKEN, HEALTH_PATHS));
  if (readiness) app.use(createHealthHandler(readiness));
  // Error middleware runs for errors raised before it in the chain: the SDK's body parsers come first.
  app.use(bodyErrorHandler as unknown as Middleware);
  return server;
}
