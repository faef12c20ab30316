import { z } from 'zod';

const port = z.coerce
  .number({ error: 'must be a TCP port number' })
  .int('must be an integer')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const token = z
  .string()
  .min(16, 'must be at least 16 characters (generate one, e.g. `openssl rand -hex 32`)');

/**
 * Environment every Shopstream Dapr app needs. Services extend it:
 * `baseConfigSchema.extend({ DATABASE_URL: z.url() })`.
 *
 * No defaults for environment-specific values. The two deliberate defaults:
 * - OTEL_EXPORTER_OTLP_ENDPOINT unset: telemetry disabled (logged once at start-up);
 * - METRICS_PORT unset: metrics go out by OTLP with the traces; set, the app serves them for Prometheus on
 *   127.0.0.1:METRICS_PORT/metrics instead (the stack sets it, adr/0070);
 * - TENANT_HEADER: `x-tenant-id`, a protocol constant shared by every service, not an environment fact.
 */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case, e.g. "catalog" or "order-history"'),
  APP_PORT: port,
  APP_PROTOCOL: z.enum(['http', 'grpc'], { error: 'must be "http" or "grpc"' }),
  HEALTH_PORT: port,
  DAPR_HTTP_PORT: port,
  DAPR_GRPC_PORT: port,
  DAPR_API_TOKEN: token,
  APP_API_TOKEN: token,
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ error: 'must be a URL such as http://127.0.0.1:4318' }).optional(),
  METRICS_PORT: port.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  }),
  TENANT_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, 'must be a lower-case HTTP header name')
    .default('x-tenant-id'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;
