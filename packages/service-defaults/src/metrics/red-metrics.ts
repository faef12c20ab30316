import { metrics, type Meter } from '@opentelemetry/api';

/** One finished request. `route` must be a template (`/orders/:id`, `/pkg.Service/Method`), never a raw URL. */
export interface RequestOutcome {
  readonly protocol: 'http' | 'grpc';
  /** HTTP: the route template without the method; gRPC: the method path `/package.Service/Method`. */
  readonly route: string;
  /** HTTP only: the request method (GET, POST …). */
  readonly method?: string;
  /** HTTP status or gRPC status code. */
  readonly statusCode: number;
  readonly error: boolean;
  readonly durationMs: number;
}

export interface RedMetrics {
  record(outcome: RequestOutcome): void;
}

/**
 * Bucket boundaries (seconds) of both RED histograms. SLO latency thresholds must be one of them
 * (observability/slos, checked by tools/observability/slo-spec.ts), so 0.2, 0.4 and 0.8 s are here.
 */
export const RED_DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1, 2.5, 5, 10] as const;

/** The instrument names, after OpenTelemetry's semantic conventions (HTTP and RPC server metrics). */
export const RED_METRIC_NAMES = {
  http: 'http.server.request.duration',
  rpc: 'rpc.server.call.duration',
} as const;

/** gRPC status code names by number, as `rpc.response.status_code` carries them. */
const GRPC_CODE_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;

const grpcCodeName = (code: number) => GRPC_CODE_NAMES[code] ?? String(code);

/**
 * Rate, errors and duration for inbound requests as one histogram per protocol (the count is the rate, the
 * `error.type` attribute marks server errors). Attributes are low-cardinality by construction: method, route
 * template and status. No tenant, user or id ever goes here (a test over Prometheus' series checks it).
 */
export function createRedMetrics(
  meter: Meter = metrics.getMeter('@shopstream/service-defaults'),
): RedMetrics {
  const advice = { explicitBucketBoundaries: [...RED_DURATION_BUCKETS_S] };
  const http = meter.createHistogram(RED_METRIC_NAMES.http, {
    description: 'Duration of inbound HTTP requests',
    unit: 's',
    advice,
  });
  const rpc = meter.createHistogram(RED_METRIC_NAMES.rpc, {
    description: 'Duration of inbound gRPC calls',
    unit: 's',
    advice,
  });
  return {
    record({ protocol, route, method, statusCode, error, durationMs }) {
      const seconds = durationMs / 1000;
      if (protocol === 'http') {
        http.record(seconds, {
          'http.request.method': method ?? 'GET',
          'http.route': route,
          'http.response.status_code': statusCode,
          ...(error ? { 'error.type': String(statusCode) } : {}),
        });
        return;
      }
      const code = grpcCodeName(statusCode);
      rpc.record(seconds, {
        'rpc.system.name': 'grpc',
        'rpc.method': route.replace(/^\//, ''),
        'rpc.response.status_code': code,
        ...(error ? { 'error.type': code } : {}),
      });
    },
  };
}
