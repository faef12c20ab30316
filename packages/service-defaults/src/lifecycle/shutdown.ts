import type { Logger } from 'pino';

export type ShutdownHook = () => Promise<void> | void;

export interface ShutdownOptions {
  readonly logger: Logger;
  /** Upper bound for each hook; a hook that takes longer is abandoned and logged. */
  readonly hookTimeoutMs?: number;
  /** Runs after every hook, e.g. `flushTelemetry`; bounded by the same timeout. */
  readonly finalFlush?: ShutdownHook;
  /** Injected for tests; defaults to `process.exit`. */
  readonly exit?: (code: number) => void;
}

export interface Shutdown {
  /** Hooks run in reverse registration order: register a resource right after creating it. */
  onShutdown(name: string, hook: ShutdownHook): void;
  /** Runs every hook once, then the final flush, then exits (0 by default). A second call forces exit 1. */
  shutdown(reason: string, exitCode?: number): Promise<void>;
  /** Wires SIGINT and SIGTERM to `shutdown`. Returns a function that removes the listeners. */
  installSignalHandlers(signals?: readonly NodeJS.Signals[]): () => void;
}

async function runBounded(
  name: string,
  hook: ShutdownHook,
  timeoutMs: number,
  logger: Logger,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(hook), timeout]);
    if (outcome === 'timeout') logger.warn({ hook: name, timeoutMs }, 'shutdown hook timed out');
  } catch (error) {
    logger.error({ hook: name, err: error }, 'shutdown hook failed');
  } finally {
    clearTimeout(timer);
  }
}

export function createShutdown(options: ShutdownOptions): Shutdown {
  const { logger, hookTimeoutMs = 5_000, finalFlush } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const hooks: { name: string; hook: ShutdownHook }[] = [];
  let running: Promise<void> | undefined;

  const shutdown = (reason: string, exitCode = 0): Promise<void> => {
    if (running) {
      logger.warn({ reason }, 'second shutdown request: forcing exit');
      exit(1);
      return running;
    }
    logger.info({ reason, hooks: hooks.length }, 'shutting down');
    running = (async () => {
      for (const { name, hook } of [...hooks].reverse()) await runBounded(name, hook, hookTimeoutMs, logger);
      logger.info('shutdown complete');
      if (finalFlush) await runBounded('telemetry', finalFlush, hookTimeoutMs, logger);
      exit(exitCode);
    })();
    return running;
  };

  return {
    onShutdown(name, hook) {
      hooks.push({ name, hook });
    },
    shutdown,
    installSignalHandlers(signals = ['SIGINT', 'SIGTERM']) {
      const listener = (signal: NodeJS.Signals): void => void shutdown(signal);
      for (const signal of signals) process.on(signal, listener);
      return () => {
        for (const signal of signals) process.off(signal, listener);
      };
    },
  };
}
