import { mkdirSync, writeFileSync } from 'node:fs';
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

export function writeResult(result: BenchResult): void {
  const dir = join(repoRoot, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${result.name}.json`), `${JSON.stringify(result, null, 2)}\n`);
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
