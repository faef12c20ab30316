import { readFileSync } from 'node:fs';
import { stateFile } from '../../tools/stack/layout.js';
import type { Supervisor } from '../../tools/stack/supervisor.js';
import { rssByGroup } from '../memory.js';
import { sleep } from '../../test/support/stack.js';
import { summarize, writeResult } from '../stats.js';

/** Warm start to all-healthy, `runs` times; returns the last (running) supervisor. */
export async function benchStartup(make: () => Supervisor, runs: number): Promise<Supervisor> {
  const samples: number[] = [];
  let supervisor = make();
  for (let i = 0; i < runs; i++) {
    if (i > 0) await supervisor.down();
    supervisor = make();
    const t = Date.now();
    await supervisor.up();
    samples.push((Date.now() - t) / 1000);
  }
  writeResult({
    name: 'stack-warm-start',
    unit: 's',
    target: 60,
    ...summarize(samples),
    notes: 'supervisor.up() to all processes ready, warm tool cache and data folder',
  });
  return supervisor;
}

/** Resident memory of the idle stack, sampled after it settles. */
export async function benchMemory(): Promise<void> {
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
    name: 'stack-idle-memory',
    unit: 'MiB',
    target: 3072,
    ...summarize(samples),
    notes: `RSS by process: ${last.map((p) => `${p.name}=${p.mib}`).join(', ')}`,
  });
}
