/**
 * `npm run bench`: numbers, not pass/fail. Measures warm start-up of the local and the full profile
 * (interleaved), then on the local stack idle memory, sidecar overhead, actor latency, identity (token
 * verification, sign-in), the catalog and pub/sub latency, then on the full stack (Kafka) idle memory and
 * pub/sub latency, each against the local numbers of the same run. Results: bench/results/<name>.json.
 *
 * `npm run bench -- <group> …` (groups: BENCH_GROUPS below) runs only the named groups besides the start-up,
 * memory and pub/sub measurements of both profiles (which always run: they are each other's baselines). An
 * unknown group is refused. `cold-start` (a fresh clone with empty caches → `npm start` healthy) and
 * `apps-start` (the product stack's start and memory with compiled apps started three at a time, against tsx
 * one by one) are opt-in: they run only when named, first, and alone when only opt-in groups are named. The results are committed; `npm run numbers` turns them into docs/numbers.md.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { testStackOptions } from './test-stack.js';
import type { Profile } from '../stack/dapr-resources.js';

const BENCH_GROUPS = [
  'bootstrap',
  'sidecar',
  'actors',
  'identity',
  'catalog',
  'checkout',
  'web',
  'tilt',
  'cold-start',
  'apps-start',
] as const;
const only = process.argv.slice(2);
const unknown = only.filter((g) => !(BENCH_GROUPS as readonly string[]).includes(g));
if (unknown.length > 0) {
  console.error(`✗ unknown bench group(s) ${unknown.join(', ')}; groups: ${BENCH_GROUPS.join(', ')}`);
  process.exit(2);
}
const wanted = (group: (typeof BENCH_GROUPS)[number]) => only.length === 0 || only.includes(group);
/** Opt-in groups run only when named: a cold start takes tens of minutes of both cores. */
const optIn = new Set<string>(['cold-start', 'apps-start']);

const dataRoot = join(repoRoot, '.data', 'bench');
process.env.SHOPSTREAM_DATA = dataRoot;
const { stackProcesses } = await import('../stack/stack.js');
const { Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');
const { runFacts, summarize } = await import('../../bench/stats.js');
runFacts(); // the commit measured: the tree as the bench started
const { benchMemory, measureWarmStarts, writeStartup } =
  await import('../../bench/platform/startup.bench.js');
const { benchSidecarOverhead } = await import('../../bench/platform/sidecar-overhead.bench.js');
const { benchActors } = await import('../../bench/platform/actor-latency.bench.js');
const { benchWarmBootstrap } = await import('../../bench/platform/bootstrap.bench.js');
const { benchSignIn } = await import('../../bench/identity/sign-in.bench.js');
const { benchTokenValidation } = await import('../../bench/identity/token-validation.bench.js');
const { benchCreateToVisible } = await import('../../bench/catalog/create-to-visible.bench.js');
const { benchReads } = await import('../../bench/catalog/reads.bench.js');
const { benchUpdateStock } = await import('../../bench/catalog/stock.bench.js');
const { benchCheckout } = await import('../../bench/orders/checkout.bench.js');
const { measureKafkajsLatency, measurePubsubLatency, writePubsubResults } =
  await import('../../bench/platform/pubsub-latency.bench.js');
const { benchTiltReload } = await import('../../bench/platform/tilt-reload.bench.js');
const { webBenchFixture } = await import('../../bench/web/web-fixture.js');
const { benchJsPerRoute } = await import('../../bench/web/js-per-route.bench.js');
const { benchCatalogPageLoad } = await import('../../bench/web/catalog-page-load.bench.js');
const { benchLighthouse } = await import('../../bench/web/lighthouse.bench.js');

if (only.includes('cold-start')) {
  const { benchColdStart } = await import('../../bench/platform/cold-start.bench.js');
  await benchColdStart();
}
if (only.includes('apps-start')) {
  rmSync(dataRoot, { recursive: true, force: true });
  const { benchAppsStart } = await import('../../bench/platform/apps-start.bench.js');
  await benchAppsStart();
}
if (only.length > 0 && only.every((g) => optIn.has(g))) process.exit(0);

rmSync(dataRoot, { recursive: true, force: true });
const supervisorOf =
  (profile: Profile) =>
  (log: (line: string) => void = () => undefined) =>
    new Supervisor(stackProcesses(testStackOptions(profile)), log);

/** Starts a stack, runs `measure` against it (control API up, for tests' helpers), and stops it. */
async function withStack(profile: Profile, measure: () => Promise<void>): Promise<void> {
  const supervisor = supervisorOf(profile)();
  await supervisor.up();
  const control = await startControlServer(supervisor, () => undefined);
  try {
    await measure();
  } finally {
    control.close();
    await supervisor.down();
  }
}

console.log('Benchmarks (results in bench/results/):');
if (wanted('bootstrap')) benchWarmBootstrap();

// First starts initialise the data folder (initdb, Kafka storage and topics); the measured starts are warm.
for (const profile of ['local', 'full'] as const) {
  const first = supervisorOf(profile)();
  await first.up();
  await first.down();
}
const starts = await measureWarmStarts({ local: supervisorOf('local'), full: supervisorOf('full') }, 3);
const local = starts.local?.samples ?? [];
writeStartup(local, {
  name: 'stack-warm-start',
  notes: 'supervisor.up() to all processes ready, warm tool cache and data folder (interleaved with full)',
  processes: Object.keys(starts.local?.processes ?? {}),
});
writeStartup(starts.full?.samples ?? [], {
  name: 'stack-full-warm-start',
  notes: 'full profile (adds Kafka, components/full), interleaved with local starts; baseline: local profile',
  baseline: { name: 'stack-warm-start', ...summarize(local) },
  processes: Object.keys(starts.full?.processes ?? {}),
});
writeStartup(starts.full?.processes.kafka ?? [], {
  name: 'stack-full-kafka-ready',
  notes:
    "Kafka's own start to ready (JVM, KRaft, broker unfenced), the part of the full start it adds in series",
});

let localMemory: number[] = [];
let redis: Awaited<ReturnType<typeof measurePubsubLatency>> | undefined;
await withStack('local', async () => {
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
  if (wanted('checkout')) await benchCheckout();
  if (wanted('web')) {
    const fixture = await webBenchFixture();
    await benchJsPerRoute(fixture);
    await benchCatalogPageLoad(fixture);
    await benchLighthouse(fixture);
  }
  redis = await measurePubsubLatency('Redis Streams');
});
await withStack('full', async () => {
  await benchMemory({
    name: 'stack-full-idle-memory',
    baseline: { name: 'stack-idle-memory', ...summarize(localMemory) },
  });
  const kafka = await measurePubsubLatency('Kafka');
  if (redis) writePubsubResults(redis, kafka, await measureKafkajsLatency());
});
// Same data folder and ports, now under Tilt.
if (wanted('tilt')) await benchTiltReload();
process.exit(0);
