/**
 * `npm run bench`: numbers, not pass/fail. Starts the local stack (warm caches) and measures start-up time,
 * idle memory, sidecar overhead and actor latency, each against a baseline measured in the same run.
 * Results: bench/results/<name>.json.
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
const { benchTiltReload } = await import('../../bench/platform/tilt-reload.bench.js');

rmSync(dataRoot, { recursive: true, force: true });
const specs = () =>
  stackProcesses({ profile: 'local', extraAppsFiles: [join(repoRoot, 'test', 'platform', 'apps.yaml')] });

console.log('Benchmarks (results in bench/results/):');
benchWarmBootstrap();
// First start initialises the data folder (initdb …); the measured starts are warm ones.
let supervisor = new Supervisor(specs(), () => undefined);
await supervisor.up();
await supervisor.down();
supervisor = await benchStartup(() => new Supervisor(specs(), () => undefined), 3);
const control = await startControlServer(supervisor, () => undefined);
try {
  await benchMemory();
  await benchSidecarOverhead();
  await benchActors();
  await benchTokenValidation();
  await benchSignIn();
} finally {
  control.close();
  await supervisor.down();
}
// Same data folder and ports, now under Tilt.
await benchTiltReload();
process.exit(0);
