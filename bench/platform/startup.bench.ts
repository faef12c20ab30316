import { readFileSync } from 'node:fs';
import { stateFile } from '../../tools/stack/layout.js';
import type { Supervisor } from '../../tools/stack/supervisor.js';
import { rssByGroup } from '../memory.js';
import { sleep } from '@shopstream/testing/stack';
import { summarize, writeResult, type Summary } from '../stats.js';

/** Names a result and, for a second profile, the first profile's samples as its baseline. */
interface Labels {
  name: string;
  baseline?: Summary & { name: string };
  /** Overrides the default target (60 s for a start, 3072 MiB for memory). */
  target?: number;
}

/** Makes a supervisor whose per-process lines ("✓ kafka ready in 9.1 s") go to `log`. */
export type MakeSupervisor = (log: (line: string) => void) => Supervisor;

export interface WarmStarts {
  /** supervisor.up() to all processes ready (s). */
  samples: number[];
  /** Each process' own time to ready (s), from the supervisor's lines, by process name. */
  processes: Record<string, number[]>;
}

/**
 * Warm starts of several profiles, interleaved (a, b, a, b …) so that each profile sees the same machine
 * (on a shared 2-core machine the load changes within minutes); every stack is stopped again.
 */
export async function measureWarmStarts(
  makers: Record<string, MakeSupervisor>,
  runs: number,
): Promise<Record<string, WarmStarts>> {
  const out: Record<string, WarmStarts> = {};
  for (let i = 0; i < runs; i++) {
    for (const [profile, make] of Object.entries(makers)) {
      const result = (out[profile] ??= { samples: [], processes: {} });
      const supervisor = make((line) => {
        const m = /✓ (\S+)\s+ready in ([\d.]+) s/.exec(line);
        if (m?.[1] && m[2]) (result.processes[m[1]] ??= []).push(Number(m[2]));
      });
      const t = Date.now();
      await supervisor.up();
      result.samples.push((Date.now() - t) / 1000);
      await supervisor.down();
    }
  }
  return out;
}

/** How many infrastructure servers, Dapr apps and sidecars a list of supervised process names has. */
export function stackComposition(names: readonly string[]): Record<'servers' | 'apps' | 'sidecars', number> {
  const all = new Set(names);
  const sidecars = names.filter((n) => n.endsWith('-dapr') && all.has(n.slice(0, -'-dapr'.length)));
  const apps = sidecars.map((n) => n.slice(0, -'-dapr'.length));
  return { servers: all.size - sidecars.length - apps.length, apps: apps.length, sidecars: sidecars.length };
}

/** Writes a warm-start result (target: the platform's 60 s goal), with what the stack consisted of. */
export function writeStartup(
  samples: number[],
  labels: Labels & { notes: string; processes?: readonly string[] },
): void {
  const { processes, ...rest } = labels;
  writeResult({
    unit: 's',
    target: 60,
    ...summarize(samples),
    ...rest,
    ...(processes ? { extra: stackComposition(processes) } : {}),
  });
}

/** Resident memory of the idle stack (MiB), sampled after it settles; returns the samples. */
export async function benchMemory(labels: Labels = { name: 'stack-idle-memory' }): Promise<number[]> {
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
    extra: stackComposition(pids.map((p) => p.name)),
  });
  return samples;
}
