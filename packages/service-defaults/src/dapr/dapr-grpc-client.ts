import {
  credentials,
  Metadata,
  type Client,
  type ChannelOptions,
  type ChannelCredentials,
  type Interceptor,
  InterceptingCall,
  type ServiceError,
} from '@grpc/grpc-js';
import type { BaseConfig } from '../config/base-config.js';

/** A grpc-js client constructor, generated (`makeGenericClientConstructor`, ts-proto, ...) or hand-made. */
export type GrpcClientConstructor<C extends Client> = new (
  address: string,
  credentials: ChannelCredentials,
  options?: ChannelOptions & { interceptors?: Interceptor[] },
) => C;

/**
 * A grpc-js client's unary method in its full form (request, metadata, options, callback): the one shape every
 * promise wrapper calls, whatever overloads the generated client declares.
 */
export type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: Res) => void,
) => unknown;

/** Metadata daprd needs to proxy a gRPC call to app `appId` (`dapr-app-id`) and to accept it (token). */
export function daprGrpcChannelMetadata(appId: string, daprApiToken: string): Metadata {
  const metadata = new Metadata();
  metadata.set('dapr-app-id', appId);
  metadata.set('dapr-api-token', daprApiToken);
  return metadata;
}

function addMetadata(extra: Metadata): Interceptor {
  return (options, nextCall) =>
    new InterceptingCall(nextCall(options), {
      start: (metadata, listener, next) => {
        metadata.merge(extra);
        next(metadata, listener);
      },
    });
}

/**
 * A client for app `appId`'s gRPC service, reached through the local sidecar
 * (127.0.0.1:DAPR_GRPC_PORT, Dapr gRPC proxying): every call carries `dapr-app-id` and `dapr-api-token`.
 */
export function createDaprGrpcClient<C extends Client>(
  ClientConstructor: GrpcClientConstructor<C>,
  appId: string,
  config: Pick<BaseConfig, 'DAPR_GRPC_PORT' | 'DAPR_API_TOKEN'>,
): C {
  const metadata = daprGrpcChannelMetadata(appId, config.DAPR_API_TOKEN);
  return new ClientConstructor(`127.0.0.1:${config.DAPR_GRPC_PORT}`, credentials.createInsecure(), {
    interceptors: [addMetadata(metadata)],
  });
}
