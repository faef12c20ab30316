import { Metadata } from '@grpc/grpc-js';
import { PingServiceClient, type PingResponse } from '@shopstream/proto/platform/v1/ping_service.js';
import { createDaprGrpcClient, type BaseConfig } from '@shopstream/service-defaults';

/** Deadline of PingService.Ping (see its RPC comment in proto/shopstream/platform/v1/ping_service.proto). */
const PING_DEADLINE_MS = 2_000;

/** Calls skeleton-callee's gRPC PingService through our sidecar, which proxies it to the callee's sidecar. */
export function createCalleeClient(config: BaseConfig) {
  const client = createDaprGrpcClient(PingServiceClient, 'skeleton-callee', config);
  return {
    ping: (tenantId: string, message: string) =>
      new Promise<PingResponse>((resolve, reject) => {
        client.ping(
          { tenantId, message },
          new Metadata(),
          { deadline: Date.now() + PING_DEADLINE_MS },
          (error, response) => (error ? reject(error) : resolve(response)),
        );
      }),
    close: () => client.close(),
  };
}
