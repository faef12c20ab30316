import { GrpcInstrumentation } from '@opentelemetry/instrumentation-grpc';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';

const HEALTH_PATH = /^\/(healthz|readyz)(\?|$)/;

/**
 * Exactly the libraries Shopstream services use; fs/dns/net are deliberately absent (noise).
 * Health probes are not traced. Statement text of pg queries is the parameterised SQL, never values.
 */
export function createInstrumentations() {
  return [
    new HttpInstrumentation({
      ignoreIncomingRequestHook: (req) => HEALTH_PATH.test(req.url ?? ''),
    }),
    new UndiciInstrumentation(),
    new GrpcInstrumentation(),
    new PgInstrumentation({ enhancedDatabaseReporting: false }),
    new IORedisInstrumentation(),
  ];
}
