import {
  Server,
  ServerCredentials,
  type ServerInterceptor,
  type ServiceDefinition,
  type UntypedServiceImplementation,
} from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { createRedMetrics, type RedMetrics } from '../metrics/red-metrics.js';
import { appTokenInterceptor } from './app-token-interceptor.js';
import { mapDomainErrors } from './map-domain-errors.js';
import { observeInterceptor } from './observe-interceptor.js';
import { traceContextInterceptor } from './trace-context-interceptor.js';

export interface GrpcServerOptions {
  /** APP_PORT; 0 picks a free port (tests). */
  readonly port: number;
  /** APP_API_TOKEN: every call must carry it in `dapr-api-token` metadata. */
  readonly appApiToken: string;
  readonly logger: Logger;
  readonly metrics?: RedMetrics;
  /** Extra interceptors, run after logging/metrics and the token check. */
  readonly interceptors?: readonly ServerInterceptor[];
  /** Method paths answered without the app token (daprd's token-less AppCallback calls only). */
  readonly tokenExemptMethods?: readonly string[];
}

export interface GrpcAppServer {
  readonly server: Server;
  /** Registers a service; its handlers' DomainErrors become proper gRPC statuses. */
  addService<T extends UntypedServiceImplementation>(definition: ServiceDefinition, implementation: T): void;
  /** Binds 127.0.0.1:port and resolves with the bound port. */
  listen(): Promise<number>;
  /** Graceful stop, forced after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
}

/** gRPC app server for APP_PROTOCOL=grpc, reachable only through the local daprd. */
export function createGrpcServer(options: GrpcServerOptions): GrpcAppServer {
  const red = options.metrics ?? createRedMetrics();
  const server = new Server({
    interceptors: [
      traceContextInterceptor(),
      observeInterceptor(options.logger, red),
      appTokenInterceptor(options.appApiToken, new Set(options.tokenExemptMethods ?? [])),
      ...(options.interceptors ?? []),
    ],
  });
  return {
    server,
    addService(definition, implementation) {
      server.addService(definition, mapDomainErrors(implementation));
    },
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.bindAsync(`127.0.0.1:${options.port}`, ServerCredentials.createInsecure(), (error, port) =>
          error ? reject(error) : resolve(port),
        );
      }),
    stop: (timeoutMs = 5_000) =>
      new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, timeoutMs);
        server.tryShutdown(() => {
          clearTimeout(force);
          resolve();
        });
      }),
  };
}
