import { isDomainError } from '@shopstream/service-defaults';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `attempt` again while it fails with `Idempotency.InProgress` (another call with the same key is
 * running), for at most `budgetMs`: a double submit then gets the first call's answer as a replay instead of
 * an error. After the budget the error goes to the caller (who retries, as the proto advises).
 */
export async function waitingWhileInProgress<T>(
  attempt: () => Promise<T>,
  { budgetMs = 4_000, pollMs = 150 }: { budgetMs?: number; pollMs?: number } = {},
): Promise<T> {
  const until = Date.now() + budgetMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const inProgress = isDomainError(error) && error.code === 'Idempotency.InProgress';
      if (!inProgress || Date.now() + pollMs > until) throw error;
      await sleep(pollMs + Math.floor(Math.random() * pollMs));
    }
  }
}
