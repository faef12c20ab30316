import { ServerInterceptingCall, status, type Metadata, type ServerInterceptor } from '@grpc/grpc-js';
import { isSpanContextValid, trace } from '@opentelemetry/api';
import type { Logger } from 'pino';
import type { RedMetrics } from '../metrics/red-metrics.js';

/** Client-side mistakes; they are counted as requests but not as server errors. */
const CLIENT_CODES = new Set<number>([
  status.CANCELLED,
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.FAILED_PRECONDITION,
  status.ABORTED,
  status.OUT_OF_RANGE,
  status.UNAUTHENTICATED,
  status.RESOURCE_EXHAUSTED,
]);

/** The trace id the caller propagated (W3C `traceparent`), else the active span's, if any. */
function traceIdOf(metadata: Metadata): string | undefined {
  const [traceparent] = metadata.get('traceparent');
  const match = typeof traceparent === 'string' ? /^[\da-f]{2}-([\da-f]{32})-/.exec(traceparent) : null;
  if (match?.[1]) return match[1];
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/**
 * One structured log line and one RED sample per call, taken when the status is sent. Put it first in the
 * interceptor list so rejected (unauthenticated) calls are observed too. Logs only method, code and timing.
 */
export function observeInterceptor(logger: Logger, red: RedMetrics): ServerInterceptor {
  return (method, call) => {
    const started = performance.now();
    let traceId: string | undefined;
    return new ServerInterceptingCall(call, {
      start: (next) => {
        next({
          onReceiveMetadata: (metadata, mdNext) => {
            traceId = traceIdOf(metadata);
            mdNext(metadata);
          },
        });
      },
      sendStatus: (sent, next) => {
        const durationMs = performance.now() - started;
        const error = sent.code !== status.OK && !CLIENT_CODES.has(sent.code);
        red.record({ protocol: 'grpc', route: method.path, statusCode: sent.code, error, durationMs });
        const fields = {
          rpc: method.path,
          grpc_code: status[sent.code] ?? sent.code,
          duration_ms: Math.round(durationMs * 10) / 10,
          ...(traceId ? { trace_id: traceId } : {}),
        };
        if (error) logger.warn(fields, 'grpc call failed');
        else logger.info(fields, 'grpc call');
        next(sent);
      },
    });
  };
}
