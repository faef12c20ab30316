import { ServerInterceptingCall, type ServerInterceptor } from '@grpc/grpc-js';

/**
 * daprd's gRPC proxy forwards the caller's `traceparent` and appends its own, and HTTP/2 delivers both as ONE
 * comma-joined value ("00-…-01, 00-…-01"), which the W3C propagator rejects: the call would start a new trace.
 * This interceptor keeps the last entry (the sidecar's span, our direct parent) before the OpenTelemetry gRPC
 * instrumentation extracts the context.
 */
export function traceContextInterceptor(): ServerInterceptor {
  return (_methodDescriptor, call) =>
    new ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, mdNext) => {
            const values = metadata.get('traceparent').map(String);
            const parts = values
              .flatMap((v) => v.split(','))
              .map((v) => v.trim())
              .filter(Boolean);
            if (parts.length > 1) metadata.set('traceparent', parts[parts.length - 1]!);
            mdNext(metadata);
          },
        });
      },
    });
}
