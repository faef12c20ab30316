import { z } from 'zod';
import { StackError } from './supervisor.js';

/**
 * The order `npm start` starts processes in (adr/0063): every infrastructure server first (each as soon as
 * the servers it `dependsOn` are ready), then the apps and sidecars, each as soon as all infrastructure and
 * its own `dependsOn` are ready; a sidecar starts together with its app (`alongside`). At most `parallel`
 * processes (sidecars not counted) start at once: on two cores a Node app's boot is CPU-bound, and more at
 * once only makes each slower. The first failure stops new starts; the ones already
 * under way finish (or fail) before the error is thrown.
 */
export interface StartStep {
  readonly name: string;
  readonly dependsOn: readonly string[];
  /** Infrastructure starts before any app or sidecar. */
  readonly infra: boolean;
  /**
   * Starts as soon as this step has started (a sidecar with its app), outside the `parallel` limit: it waits
   * for the other process rather than using the CPU.
   */
  readonly alongside?: string;
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
  /** Told about the first failure at once (the supervisor stops the starts still under way with it). */
  onFailure: (error: unknown) => void = () => undefined,
): Promise<void> {
  const done = new Set<string>();
  const started = new Set<string>();
  const infra = steps.filter((s) => s.infra).map((s) => s.name);
  const pending = [...steps];
  const running = new Map<string, Promise<void>>();
  let busy = 0;
  let failure: { error: unknown } | undefined;
  const canStart = (step: StartStep) =>
    step.dependsOn.every((d) => done.has(d)) &&
    (step.infra || infra.every((n) => done.has(n))) &&
    (step.alongside === undefined || started.has(step.alongside));

  for (;;) {
    for (let i = 0; failure === undefined && i < pending.length;) {
      const step = pending[i] as StartStep;
      const counts = step.alongside === undefined;
      if (!canStart(step) || (counts && busy >= parallel)) {
        i++;
        continue;
      }
      pending.splice(i, 1);
      started.add(step.name);
      if (counts) busy++;
      const run = start(step.name)
        .then(
          () => void done.add(step.name),
          (error: unknown) => {
            if (failure === undefined) onFailure(error);
            failure ??= { error };
          },
        )
        .finally(() => {
          running.delete(step.name);
          if (counts) busy--;
        });
      running.set(step.name, run);
      // A step earlier in the list may start alongside this one.
      i = 0;
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
