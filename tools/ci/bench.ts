/**
 * `npm run bench`: numbers, not pass/fail. Starts the local stack (warm caches) and measures start-up time,
 * idle memory, sidecar overhead and actor latency, identity sign-in and the catalog, each against a baseline
 * measured in the same run. Results: bench/results/<name>.json. Groups: `npm run bench -- catalog` runs only
 * the catalog's (`platform`, `identity`, `catalog`; default all).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';

const dataRoot = join(repoRoot, '.data', 'bench');
process.env.SHOPSTREAM_DATA = dataRoot;
const { stackProcesses } = await import('../stack/stack.js');
const { Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');
const { benchStartup, benchMemory } = await import('../../bench/platform/startup.bench.js');
const { benchSidecarOverhead } = await import('../../bench/platform/sidecar-overhead.bench.js');
const { benchActors } = await import('../../bench/platform/actor-latency.bench.js');
const { benchWarmBootstrap } = await import('../../bench/platform/bootstrap.bench.js');
const { benchSignIn } = await import('../../bench/identity/sign-in.bench.js');
const { benchTokenValidation } = await import('../../bench/identity/token-validation.bench.js');
const { benchCreateToVisible } = await import('../../bench/catalog/create-to-visible.bench.js');
const { benchReads } = await import('../../bench/catalog/reads.bench.js');
const { benchUpdateStock } = await import('../../bench/catalog/stock.bench.js');

const only = process.argv.slice(2);
const wanted = (group: 'platform' | 'identity' | 'catalog') => only.length === 0 || only.includes(group);

rmSync(dataRoot, { recursive: true, force: true });
const specs = () =>
  stackProcesses({ profile: 'local', extraAppsFiles: [join(repoRoot, 'test', 'platform', 'apps.yaml')] });

console.log('Benchmarks (results in bench/results/):');
let supervisor = new Supervisor(specs(), () => undefined);
if (wanted('platform')) {
  benchWarmBootstrap();
  // First start initialises the data folder (initdb …); the measured starts are warm ones.
  await supervisor.up();
  await supervisor.down();
  supervisor = await benchStartup(() => new Supervisor(specs(), () => undefined), 3);
} else {
  await supervisor.up();
}
const control = await startControlServer(supervisor, () => undefined);
try {
  if (wanted('platform')) {
    await benchMemory();
    await benchSidecarOverhead();
    await benchActors();
  }
  if (wanted('identity')) {
    await benchTokenValidation();
    await benchSignIn();
  }
  if (wanted('catalog')) {
    await benchCreateToVisible();
    await benchReads();
    await benchUpdateStock();
  }
} finally {
  control.close();
  await supervisor.down();
}
process.exit(0);
