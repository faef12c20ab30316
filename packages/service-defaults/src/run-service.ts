import type { z } from 'zod';
import type { BaseConfig } from './config/base-config.js';
import { exitOnConfigError } from './config/exit-on-config-error.js';
import { loadConfig } from './config/load-config.js';
import { createDaprClient } from './dapr/create-dapr-client.js';
import { startHealthServer } from './health/health-server.js';
import { createReadiness } from './health/readiness.js';
import { createShutdown } from './lifecycle/shutdown.js';
import { createLogger } from './logging/create-logger.js';
import type { ServiceContext } from './service-context.js';
import { flushTelemetry, getTelemetryHandle } from './telemetry/telemetry-state.js';

export interface RunServiceOptions<C extends BaseConfig> {
  /** `baseConfigSchema` or an extension of it. */
  readonly configSchema: z.ZodType<C, unknown>;
  /** Builds and starts the service; register shutdown hooks right after creating each resource. */
  readonly start: (context: ServiceContext<C>) => Promise<void> | void;
  readonly hookTimeoutMs?: number;
  readonly readinessTimeoutMs?: number;
}

/**
 * Config → logger → health server → signal handling → Dapr client → `start(context)`.
 * Invalid config exits 1 with every bad key listed; a failing `start` shuts down and exits 1.
 */
export async function runService<C extends BaseConfig>(options: RunServiceOptions<C>): Promise<void> {
  const config = exitOnConfigError(() => loadConfig(options.configSchema));
  const logger = createLogger({ service: config.SERVICE_NAME, level: config.LOG_LEVEL });
  if (!getTelemetryHandle()) {
    logger.warn('telemetry preload missing: start with --import @shopstream/service-defaults/telemetry');
  }
  const readiness = createReadiness(options.readinessTimeoutMs);
  const shutdown = createShutdown({
    logger,
    finalFlush: flushTelemetry,
    ...(options.hookTimeoutMs === undefined ? {} : { hookTimeoutMs: options.hookTimeoutMs }),
  });
  shutdown.installSignalHandlers();
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled promise rejection');
    void shutdown.shutdown('unhandledRejection', 1);
  });

  const health = await startHealthServer(config.HEALTH_PORT, readiness);
  shutdown.onShutdown('health-server', () => health.close());
  const dapr = createDaprClient(config, logger);
  shutdown.onShutdown('dapr-client', () => dapr.stop());

  try {
    await options.start({
      config,
      logger,
      dapr,
      readiness,
      onShutdown: (name, hook) => shutdown.onShutdown(name, hook),
      addReadinessCheck: (name, check) => readiness.add(name, check),
    });
  } catch (error) {
    logger.fatal({ err: error }, 'service failed to start');
    await shutdown.shutdown('start failed', 1);
    return;
  }
  // Registered last so it runs first: /readyz fails before anything else is torn down.
  shutdown.onShutdown('readiness', () => readiness.markShuttingDown());
  logger.info(
    { healthPort: health.port, appPort: config.APP_PORT, protocol: config.APP_PROTOCOL },
    'service started',
  );
}
