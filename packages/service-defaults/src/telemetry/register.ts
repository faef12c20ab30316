/**
 * Preload: `tsx --import @shopstream/service-defaults/telemetry src/main.ts`
 * (or `node --import tsx --import @shopstream/service-defaults/telemetry ...`).
 * It must run before the app imports http, grpc, pg or ioredis so their instrumentation can patch them.
 */
import { register } from 'node:module';
import { createAddHookMessageChannel } from 'import-in-the-middle';
import { exitOnConfigError } from '../config/exit-on-config-error.js';
import { loadTelemetryConfig } from '../config/telemetry-config.js';
import { startTelemetry } from './start-telemetry.js';
import { setTelemetryHandle } from './telemetry-state.js';

const config = exitOnConfigError(loadTelemetryConfig);

if (config.OTEL_EXPORTER_OTLP_ENDPOINT === undefined) {
  const msg = 'telemetry disabled: OTEL_EXPORTER_OTLP_ENDPOINT is not set';
  const line = { level: 'info', time: new Date().toISOString(), service: config.SERVICE_NAME, msg };
  process.stdout.write(`${JSON.stringify(line)}\n`);
  setTelemetryHandle({ enabled: false, shutdown: () => Promise.resolve() });
} else {
  // ESM modules are patched through import-in-the-middle, limited to what the instrumentations ask for.
  const { registerOptions, waitForAllMessagesAcknowledged } = createAddHookMessageChannel();
  register('import-in-the-middle/hook.mjs', import.meta.url, registerOptions);
  setTelemetryHandle(
    startTelemetry({ ...config, OTEL_EXPORTER_OTLP_ENDPOINT: config.OTEL_EXPORTER_OTLP_ENDPOINT }),
  );
  await waitForAllMessagesAcknowledged();
}
