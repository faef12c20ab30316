export type ReadinessCheck = () => Promise<void> | void;

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly durationMs: number;
  /** Failure reason; only the error message, never a stack. */
  readonly error?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: readonly CheckResult[];
}

export interface Readiness {
  /** Registers a check; it must resolve when the dependency is usable and reject otherwise. */
  add(name: string, check: ReadinessCheck): void;
  /** After this, readiness always fails (`shutting_down`) so traffic drains before hooks run. */
  markShuttingDown(): void;
  run(): Promise<ReadinessReport>;
}

function withTimeout(check: ReadinessCheck, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([Promise.resolve().then(check), timeout]).finally(() => clearTimeout(timer));
}

async function runOne(name: string, check: ReadinessCheck, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  try {
    await withTimeout(check, timeoutMs);
    return { name, ok: true, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name, ok: false, durationMs: Math.round(performance.now() - started), error: message };
  }
}

/** Readiness checks run in parallel, each bounded by `timeoutMs`. */
export function createReadiness(timeoutMs = 2_000): Readiness {
  const checks = new Map<string, ReadinessCheck>();
  let shuttingDown = false;
  return {
    add(name, check) {
      if (checks.has(name)) throw new Error(`Readiness check "${name}" is already registered`);
      checks.set(name, check);
    },
    markShuttingDown() {
      shuttingDown = true;
    },
    async run() {
      if (shuttingDown) {
        return { ready: false, checks: [{ name: 'shutting_down', ok: false, durationMs: 0 }] };
      }
      const results = await Promise.all([...checks].map(([name, check]) => runOne(name, check, timeoutMs)));
      return { ready: results.every((result) => result.ok), checks: results };
    },
  };
}
