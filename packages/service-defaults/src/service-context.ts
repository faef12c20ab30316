import type { DaprClient } from '@dapr/dapr';
import type { Logger } from 'pino';
import type { BaseConfig } from './config/base-config.js';
import type { Readiness, ReadinessCheck } from './health/readiness.js';
import type { ShutdownHook } from './lifecycle/shutdown.js';

/** What a service's `start` receives from `runService`. */
export interface ServiceContext<C extends BaseConfig = BaseConfig> {
  readonly config: C;
  readonly logger: Logger;
  /** HTTP client to the local sidecar; stopped on shutdown. */
  readonly dapr: DaprClient;
  readonly readiness: Readiness;
  /** Hooks run in reverse order on SIGINT/SIGTERM, each with a timeout. */
  readonly onShutdown: (name: string, hook: ShutdownHook) => void;
  /** `/readyz` returns 503 while any check fails or exceeds its timeout. */
  readonly addReadinessCheck: (name: string, check: ReadinessCheck) => void;
}
