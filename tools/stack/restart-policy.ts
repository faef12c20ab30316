/**
 * When the supervisor restarts a process that exited on its own while the stack runs: after a growing delay,
 * and only a bounded number of times in a sliding window, so that a process that cannot start (a bad config,
 * a corrupt data folder) is reported dead instead of restarted forever. Pure: the clock is passed in.
 */
export interface RestartPolicy {
  /** Delay before the n-th restart in the window (1-based), doubling from `initialDelayMs` up to `maxDelayMs`. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** At most this many restarts within `windowMs`; one more exit in the window and the process is dead. */
  maxRestarts: number;
  windowMs: number;
}

export const defaultRestartPolicy: RestartPolicy = {
  initialDelayMs: 1000,
  maxDelayMs: 16_000,
  maxRestarts: 5,
  windowMs: 180_000,
};

export type RestartDecision =
  { restart: true; delayMs: number; attempt: number } | { restart: false; reason: string };

/** `recentExits`: times (ms) of the earlier unexpected exits of this process; `now` is the exit being decided. */
export function decideRestart(
  policy: RestartPolicy,
  recentExits: readonly number[],
  now: number,
): RestartDecision {
  const inWindow = recentExits.filter((t) => now - t < policy.windowMs).length;
  const attempt = inWindow + 1;
  if (attempt > policy.maxRestarts)
    return {
      restart: false,
      reason: `exited ${attempt} times within ${Math.round(policy.windowMs / 1000)} s`,
    };
  const delayMs = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return { restart: true, delayMs, attempt };
}

/** "exit 3", "signal SIGKILL": how a process ended, as the log and `npm run status` say it. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit ${code ?? '?'}`;
}
