import { metrics, type Meter } from '@opentelemetry/api';

/** One finished request. `route` must be a template (`/orders/:id`, `/pkg.Service/Method`), never a raw URL. */
export interface RequestOutcome {
  readonly protocol: 'http' | 'grpc';
  readonly route: string;
  /** HTTP status or gRPC status code. */
  readonly statusCode: number;
  readonly error: boolean;
  readonly durationMs: number;
}

export interface RedMetrics {
  record(outcome: RequestOutcome): void;
}

const DURATION_BUCKETS_S = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Rate, errors and duration for inbound requests. Attributes are low-cardinality by construction:
 * protocol, route template and status code. No tenant, user or id ever goes here.
 */
export function createRedMetrics(
  meter: Meter = metrics.getMeter('@shopstream/service-defaults'),
): RedMetrics {
  const requests = meter.createCounter('shopstream.server.requests', {
    description: 'Inbound requests handled',
    unit: '{request}',
  });
  const errors = meter.createCounter('shopstream.server.errors', {
    description: 'Inbound requests that failed (HTTP 5xx, gRPC non-OK except client errors)',
    unit: '{request}',
  });
  const duration = meter.createHistogram('shopstream.server.duration', {
    description: 'Inbound request duration',
    unit: 's',
    advice: { explicitBucketBoundaries: DURATION_BUCKETS_S },
  });
  return {
    record({ protocol, route, statusCode, error, durationMs }) {
      const attributes = { protocol, route, status_code: statusCode };
      requests.add(1, attributes);
      if (error) errors.add(1, attributes);
      duration.record(durationMs / 1000, attributes);
    },
  };
}
