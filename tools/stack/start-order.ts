import { z } from 'zod';
import { StackError } from './supervisor.js';

/**
 * The order `npm start` starts processes in (adr/0063): every infrastructure server first (each as soon as
 * the servers it `dependsOn` are ready), then the apps and sidecars, each as soon as all infrastructure and
 * its own `dependsOn` are ready. At most `parallel` processes start at once: on two cores a Node app's boot
 * is CPU-bound, and more at once only makes each slower. The first failure stops new starts; the ones already
 * under way finish (or fail) before the error is thrown.
 */
export interface StartStep {
  readonly name: string;
  readonly dependsOn: readonly string[];
  /** Infrastructure starts before any app or sidecar. */
  readonly infra: boolean;
}

export const startParallelSchema = z.coerce.number().int().min(1).max(16).default(3);

/** `SHOPSTREAM_START_PARALLEL`: how many processes may start at once (1–16, default 3; 1 = one by one). */
export function startParallel(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SHOPSTREAM_START_PARALLEL;
  const parsed = startParallelSchema.safeParse(raw === '' ? undefined : raw);
  if (!parsed.success)
    throw new StackError(`SHOPSTREAM_START_PARALLEL must be a whole number from 1 to 16, not "${raw}"`);
  return parsed.data;
}

export async function startAll(
  steps: readonly StartStep[],
  start: (name: string) => Promise<void>,
  parallel: number,
): Promise<void> {
  const done = new Set<string>();
  const infra = steps.filter((s) => s.infra).map((s) => s.name);
  const pending = [...steps];
  const running = new Map<string, Promise<void>>();
  let failure: { error: unknown } | undefined;
  const canStart = (step: StartStep) =>
    step.dependsOn.every((d) => done.has(d)) && (step.infra || infra.every((n) => done.has(n)));

  for (;;) {
    for (let i = 0; failure === undefined && i < pending.length && running.size < parallel;) {
      const step = pending[i] as StartStep;
      if (!canStart(step)) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      const run = start(step.name)
        .then(
          () => void done.add(step.name),
          (error: unknown) => void (failure ??= { error }),
        )
        .finally(() => running.delete(step.name));
      running.set(step.name, run);
    }
    if (running.size === 0) break;
    await Promise.race(running.values());
  }
  if (failure !== undefined) throw failure.error;
  if (pending.length > 0) {
    const waits = pending.map(
      (s) => `${s.name} (waits for ${s.dependsOn.filter((d) => !done.has(d)).join(', ')})`,
    );
    throw new StackError(
      `nothing left to start, but these wait for processes that never start: ${waits.join('; ')}`,
    );
  }
}
