import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../../tools/paths.mjs';
import { summarize, writeResult } from '../stats.js';

/**
 * Warm bootstrap: every tool already cached, so this is the cost `npm start` / `npm test` pay each time
 * (stamp checks only). The cold number (first run on a machine) is in the README: it compiles Dapr,
 * Temporal and Jaeger from source and cannot be re-measured inside a benchmark run.
 */
export function benchWarmBootstrap(runs = 5): void {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [join(repoRoot, 'tools', 'bootstrap', 'main.mjs')], { stdio: 'ignore' });
    samples.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  writeResult({ name: 'bootstrap-warm', unit: 'ms', target: null, ...summarize(samples) });
}
