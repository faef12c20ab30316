import { describe, expect, it } from 'vitest';
import type { PlannedStep } from './scheduler.mjs';
import { runSteps } from './scheduler.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A fake step that records when it ran; `fail` makes it throw. */
function fake(
  id: string,
  lane: 'cpu' | 'net',
  log: string[],
  opts: Partial<PlannedStep> & { ms?: number; fail?: boolean } = {},
): PlannedStep {
  return {
    id,
    label: id,
    lane,
    deps: [],
    typicalMs: 1,
    estimateMs: 1,
    estimateNote: '',
    upToDate: () => false,
    build: async () => {
      log.push(`start ${id}`);
      await sleep(opts.ms ?? 20);
      log.push(`end ${id}`);
      if (opts.fail) throw new Error(`${id} broke`);
      return 'done';
    },
    ...opts,
  };
}

const quiet = { write: () => undefined };

describe('the bootstrap scheduler', () => {
  it('compiles one at a time while downloads run beside the compiles', async () => {
    const log: string[] = [];
    await runSteps(
      [
        fake('dapr', 'cpu', log, { ms: 60 }),
        fake('jaeger', 'cpu', log),
        fake('npm', 'net', log),
        fake('pip', 'net', log),
      ],
      quiet,
    );
    // jaeger starts only after dapr ended; npm and pip ran while dapr compiled.
    expect(log.indexOf('start jaeger')).toBeGreaterThan(log.indexOf('end dapr'));
    expect(log.indexOf('end pip')).toBeLessThan(log.indexOf('end dapr'));
  });

  it('starts a step only after its dependencies, taking the next ready step meanwhile', async () => {
    const log: string[] = [];
    await runSteps(
      [
        fake('web', 'cpu', log, { deps: ['npm'] }),
        fake('dapr', 'cpu', log),
        fake('npm', 'net', log, { ms: 40 }),
      ],
      quiet,
    );
    expect(log[0]).toBe('start dapr');
    expect(log.indexOf('start web')).toBeGreaterThan(log.indexOf('end npm'));
  });

  it('fails the run with the failing step and starts nothing after it', async () => {
    const log: string[] = [];
    const run = runSteps([fake('dapr', 'cpu', log, { fail: true }), fake('jaeger', 'cpu', log)], quiet);
    await expect(run).rejects.toThrow('dapr broke');
    expect(log).not.toContain('start jaeger');
  });

  it('carries on past an optional step (a module download) that failed', async () => {
    const log: string[] = [];
    await runSteps(
      [
        fake('prefetch', 'net', log, { fail: true, optional: true }),
        fake('jaeger', 'cpu', log, { deps: ['prefetch'] }),
      ],
      quiet,
    );
    expect(log).toContain('end jaeger');
  });

  it('skips a module download whose build has started already', async () => {
    const log: string[] = [];
    await runSteps(
      [
        fake('dapr', 'cpu', log, { ms: 40 }),
        fake('slow', 'net', log, { ms: 10 }),
        fake('dapr-modules', 'net', log, { obsoleteWhenStarted: 'dapr' }),
      ],
      quiet,
    );
    expect(log).not.toContain('start dapr-modules');
  });

  it('prints one progress line with every running step', async () => {
    const lines: string[] = [];
    await runSteps([fake('dapr', 'cpu', [], { ms: 80 }), fake('npm', 'net', [], { ms: 80 })], {
      tickMs: 30,
      write: (l) => lines.push(l),
    });
    expect(lines.find((l) => l.includes('⋯'))).toMatch(/0 of 2 steps done, ~.* left · dapr .* · npm /);
  });
});
