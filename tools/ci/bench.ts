/**
 * `npm run bench`: numbers, not pass/fail. Starts the local stack (warm caches) and measures start-up time,
 * idle memory, sidecar overhead, actor latency, identity (token verification, sign-in), the catalog and pub/sub
 * latency; then the full profile (Kafka) and measures its start-up time, idle memory and pub/sub latency
 * against the local numbers of the same run. Results: bench/results/<name>.json.
 *
 * `npm run bench -- [bootstrap] [sidecar] [actors] [identity] [catalog]` runs only the named groups besides
 * the start-up, memory and pub/sub measurements of both profiles (which always run: they are each other's
 * baselines).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import type { Profile } from '../stack/dapr-resources.js';

const dataRoot = join(repoRoot, '.data', 'bench');
process.env.SHOPSTREAM_DATA = dataRoot;
const { stackProcesses } = await import('../stack/stack.js');
const { Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');
const { summarize } = await import('../../bench/stats.js');
const { benchStartup, benchMemory } = await import('../../bench/platform/startup.bench.js');
const { benchSidecarOverhead } = await import('../../bench/platform/sidecar-overhead.bench.js');
const { benchActors } = await import('../../bench/platform/actor-latency.bench.js');
const { benchWarmBootstrap } = await import('../../bench/platform/bootstrap.bench.js');
const { benchSignIn } = await import('../../bench/identity/sign-in.bench.js');
const { benchTokenValidation } = await import('../../bench/identity/token-validation.bench.js');
const { benchCreateToVisible } = await import('../../bench/catalog/create-to-visible.bench.js');
const { benchReads } = await import('../../bench/catalog/reads.bench.js');
const { benchUpdateStock } = await import('../../bench/catalog/stock.bench.js');
const { measureKafkajsLatency, measurePubsubLatency, writePubsubResults } =
  await import('../../bench/platform/pubsub-latency.bench.js');
const { benchTiltReload } = await import('../../bench/platform/tilt-reload.bench.js');

rmSync(dataRoot, { recursive: true, force: true });
const specs = (profile: Profile) => () =>
  new Supervisor(
    stackProcesses({
      profile,
      extraAppsFiles: [join(repoRoot, 'test', 'platform', 'apps.yaml')],
      extraTopicsFiles: [join(repoRoot, 'test', 'platform', 'topics.yaml')],
    }),
    () => undefined,
  );

/** Starts `profile` once to initialise its data (initdb, Kafka storage), then measures `runs` warm starts. */
async function warmStarts(profile: Profile, labels?: Parameters<typeof benchStartup>[2]) {
  const first = specs(profile)();
  await first.up();
  await first.down();
  return benchStartup(specs(profile), 3, labels);
}

const only = process.argv.slice(2);
const wanted = (group: string) => only.length === 0 || only.includes(group);

console.log('Benchmarks (results in bench/results/):');
if (wanted('bootstrap')) benchWarmBootstrap();

const local = await warmStarts('local');
let control = await startControlServer(local.supervisor, () => undefined);
let localMemory: number[];
let redis: Awaited<ReturnType<typeof measurePubsubLatency>>;
try {
  localMemory = await benchMemory();
  if (wanted('sidecar')) await benchSidecarOverhead();
  if (wanted('actors')) await benchActors();
  if (wanted('identity')) {
    await benchTokenValidation();
    await benchSignIn();
  }
  if (wanted('catalog')) {
    await benchCreateToVisible();
    await benchReads();
    await benchUpdateStock();
  }
  redis = await measurePubsubLatency('Redis Streams');
} finally {
  control.close();
  await local.supervisor.down();
}

const full = await warmStarts('full', {
  name: 'stack-full-warm-start',
  notes: 'full profile (adds Kafka, components/full): supervisor.up() to all ready; baseline: local profile',
  baseline: { name: 'stack-warm-start', ...summarize(local.samples) },
});
control = await startControlServer(full.supervisor, () => undefined);
try {
  await benchMemory({
    name: 'stack-full-idle-memory',
    baseline: { name: 'stack-idle-memory', ...summarize(localMemory) },
  });
  const kafka = await measurePubsubLatency('Kafka');
  writePubsubResults(redis, kafka, await measureKafkajsLatency());
} finally {
  control.close();
  await full.supervisor.down();
}
// Same data folder and ports, now under Tilt.
await benchTiltReload();
process.exit(0);
