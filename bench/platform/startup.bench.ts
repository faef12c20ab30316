import { readFileSync } from 'node:fs';
import { stateFile } from '../../tools/stack/layout.js';
import type { Supervisor } from '../../tools/stack/supervisor.js';
import { rssByGroup } from '../memory.js';
import { sleep } from '../../test/support/stack.js';
import { summarize, writeResult, type Summary } from '../stats.js';

/** Names a result and, for a second profile, the first profile's samples as its baseline. */
interface Labels {
  name: string;
  notes: string;
  baseline?: Summary & { name: string };
}

/** Warm start to all-healthy, `runs` times; returns the last (running) supervisor and the samples (s). */
export async function benchStartup(
  make: () => Supervisor,
  runs: number,
  labels: Labels = {
    name: 'stack-warm-start',
    notes: 'supervisor.up() to all processes ready, warm tool cache and data folder',
  },
): Promise<{ supervisor: Supervisor; samples: number[] }> {
  const samples: number[] = [];
  let supervisor = make();
  for (let i = 0; i < runs; i++) {
    if (i > 0) await supervisor.down();
    supervisor = make();
    const t = Date.now();
    await supervisor.up();
    samples.push((Date.now() - t) / 1000);
  }
  writeResult({ unit: 's', target: 60, ...summarize(samples), ...labels });
  return { supervisor, samples };
}

/** Resident memory of the idle stack (MiB), sampled after it settles; returns the samples. */
export async function benchMemory(
  labels: Omit<Labels, 'notes'> = { name: 'stack-idle-memory' },
): Promise<number[]> {
  await sleep(10_000);
  const { pids } = JSON.parse(readFileSync(stateFile, 'utf8')) as { pids: { name: string; pid: number }[] };
  const samples: number[] = [];
  let last: { name: string; mib: number }[] = [];
  for (let i = 0; i < 5; i++) {
    last = rssByGroup(pids);
    samples.push(last.reduce((sum, p) => sum + p.mib, 0));
    await sleep(1000);
  }
  writeResult({
    unit: 'MiB',
    target: 3072,
    ...summarize(samples),
    ...labels,
    notes: `RSS by process: ${last.map((p) => `${p.name}=${p.mib}`).join(', ')}`,
  });
  return samples;
}
