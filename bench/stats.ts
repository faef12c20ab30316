import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../tools/paths.mjs';

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface BenchResult extends Summary {
  name: string;
  unit: string;
  /** The goal, in `unit` (PRD / issue acceptance number, or a published reference figure). */
  target: number | null;
  /** Same measurement of the reference path, taken in the same run (ratios hold on a noisy machine). */
  baseline?: Summary & { name: string };
  notes?: string;
  /** Further numbers of the same measurement (rates, counts) that docs/numbers.md quotes. */
  extra?: Record<string, number>;
}

/** Where and when a result was measured: written with every result, quoted by docs/numbers.md. */
export interface RunFacts {
  /** The commit measured; `dirty` when the work tree had uncommitted changes. */
  readonly commit: string;
  readonly dirty: boolean;
  readonly measuredAt: string;
  /** 1-, 5- and 15-minute load averages when the result was written (the machine has `cpus` cores). */
  readonly loadAverage: readonly [number, number, number];
  readonly cpus: number;
  readonly memoryGiB: number;
}

export type StoredResult = BenchResult & { readonly run: RunFacts };

const git = (...args: string[]): string =>
  execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();

/** The tree the bench process started on (read once: later edits do not change what was measured). */
let tree: { commit: string; dirty: boolean } | undefined;

export function runFacts(): RunFacts {
  tree ??= {
    commit: git('rev-parse', 'HEAD'),
    dirty:
      git('status', '--porcelain', '--untracked-files=no', '--', ':!bench/results', ':!docs/numbers.md')
        .length > 0,
  };
  const [one = 0, five = 0, fifteen = 0] = loadavg().map((l) => Math.round(l * 100) / 100);
  return {
    ...tree,
    measuredAt: new Date().toISOString(),
    loadAverage: [one, five, fifteen],
    cpus: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (x: number) => Math.round(x * 1000) / 1000;

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: round(pct(sorted, 50)),
    p95: round(pct(sorted, 95)),
    p99: round(pct(sorted, 99)),
  };
}

/** Writes bench/results/<name>.json (committed: docs/numbers.md is generated from these, `npm run numbers`). */
export function writeResult(result: BenchResult): void {
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const stored: StoredResult = { ...result, run: runFacts() };
  writeFileSync(join(dir, `${result.name}.json`), `${JSON.stringify(stored, null, 2)}\n`);
  const base = result.baseline
    ? `  (baseline ${result.baseline.name}: p50 ${result.baseline.p50}, p99 ${result.baseline.p99})`
    : '';
  console.log(
    `  ${result.name}: p50 ${result.p50} ${result.unit}, p95 ${result.p95}, p99 ${result.p99}, n=${result.n}${base}`,
  );
}

/** Times `fn` in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
