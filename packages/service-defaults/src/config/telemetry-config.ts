import type { z } from 'zod';
import { baseConfigSchema } from './base-config.js';
import { loadConfig } from './load-config.js';

/** The subset of the base config the telemetry preload needs before anything else runs. */
export const telemetryConfigSchema = baseConfigSchema.pick({
  SERVICE_NAME: true,
  OTEL_EXPORTER_OTLP_ENDPOINT: true,
  METRICS_PORT: true,
});

export type TelemetryConfig = z.infer<typeof telemetryConfigSchema>;

export function loadTelemetryConfig(): TelemetryConfig {
  return loadConfig(telemetryConfigSchema);
}
