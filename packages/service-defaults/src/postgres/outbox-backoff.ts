export interface BackoffOptions {
  /** Delay after the first failure (default 1 s). */
  readonly baseMs?: number;
  /** Upper bound (default 5 min). */
  readonly maxMs?: number;
}

/**
 * Delay before the next publish attempt of a row that failed `attempts` times (≥ 1): exponential
 * (base · 2^(attempts−1)), capped at `maxMs`, with "equal jitter" (a random half of it) so rows that failed
 * together do not retry together. `random` is injectable for tests.
 */
export function retryDelayMs(attempts: number, options: BackoffOptions = {}, random = Math.random): number {
  const base = options.baseMs ?? 1_000;
  const max = options.maxMs ?? 300_000;
  const exponent = Math.min(Math.max(attempts, 1) - 1, 30);
  const ceiling = Math.min(max, base * 2 ** exponent);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** A failure reason short enough for the `last_error` column (no stack, at most 500 characters). */
export function failureReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > 500 ? `${message.slice(0, 497)}...` : message;
}
