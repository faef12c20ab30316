import { stackProcesses } from '../../tools/stack/stack.js';
import { Supervisor } from '../../tools/stack/supervisor.js';
import type { AppsMode } from '../../tools/stack/compile-apps.js';
import { summarize, writeResult } from '../stats.js';
import { benchMemory, measureWarmStarts, writeStartup, type MakeSupervisor } from './startup.bench.js';

/**
 * `npm run bench -- apps-start` (opt-in, ~5 min): what compiled apps (adr/0062) and the parallel start
 * (adr/0063) buy on the product stack `npm start` runs (no test apps). Warm starts of the new way (bundles,
 * three at a time), bundles one by one, and the old way (tsx, one by one), interleaved so that all see the
 * same machine; each app's own boot (process start → ready, from the supervisor's lines) one by one, bundle
 * against tsx; idle memory both ways.
 */
interface Way {
  readonly apps: AppsMode;
  readonly parallel: number;
}

const NEW: Way = { apps: 'compiled', parallel: 3 };
/** Compiled, one by one: separates the two changes, and times each app's boot without contention. */
const COMPILED_ONE_BY_ONE: Way = { apps: 'compiled', parallel: 1 };
const OLD: Way = { apps: 'source', parallel: 1 };

function productStack(way: Way): MakeSupervisor {
  return (log) =>
    new Supervisor(stackProcesses({ profile: 'local', appsMode: way.apps }), log, { parallel: way.parallel });
}

async function idleMemory(way: Way, labels: Parameters<typeof benchMemory>[0]): Promise<number[]> {
  const supervisor = productStack(way)(() => undefined);
  await supervisor.up();
  try {
    return await benchMemory(labels);
  } finally {
    await supervisor.down();
  }
}

export async function benchAppsStart(runs = 3): Promise<void> {
  // The first start initialises the data folder; the measured starts are warm.
  const first = productStack(NEW)(() => undefined);
  await first.up();
  await first.down();

  const starts = await measureWarmStarts(
    { new: productStack(NEW), compiled: productStack(COMPILED_ONE_BY_ONE), old: productStack(OLD) },
    runs,
  );
  const [fresh, compiled, old] = [starts.new, starts.compiled, starts.old];
  if (!fresh || !compiled || !old) throw new Error('apps-start: a way produced no starts');
  const processes = Object.keys(fresh.processes);
  writeStartup(old.samples, {
    name: 'stack-product-warm-start-source-sequential',
    notes: 'npm start product stack, apps through tsx, one process at a time (the way before adr/0062, 0063)',
    processes,
  });
  writeStartup(compiled.samples, {
    name: 'stack-product-warm-start-compiled-sequential',
    notes: 'npm start product stack, apps as esbuild bundles but one process at a time; interleaved',
    baseline: { name: 'stack-product-warm-start-source-sequential', ...summarize(old.samples) },
    processes,
  });
  writeStartup(fresh.samples, {
    name: 'stack-product-warm-start',
    notes:
      'npm start product stack: apps as esbuild bundles, three processes at a time; interleaved with the baseline',
    target: 15,
    baseline: { name: 'stack-product-warm-start-source-sequential', ...summarize(old.samples) },
    processes,
  });

  const apps = stackProcesses({ profile: 'local' })
    .filter((p) => p.kind === 'app')
    .map((p) => p.name);
  const boots = (w: typeof fresh) => apps.flatMap((app) => w.processes[app] ?? []);
  const perApp = (w: typeof fresh) =>
    apps.map((app) => `${app}=${summarize(w.processes[app] ?? []).p50.toFixed(1)}`).join(', ');
  const baseline = { name: 'app-boot-source', ...summarize(boots(old)) };
  writeResult({
    name: 'app-boot-source',
    unit: 's',
    target: 3,
    ...summarize(boots(old)),
    notes: `each product app, process start → ready, through tsx, one at a time; p50 by app: ${perApp(old)}`,
  });
  writeResult({
    name: 'app-boot',
    unit: 's',
    target: 3,
    ...summarize(boots(compiled)),
    baseline,
    notes: `each product app, process start → ready, as a bundle, one at a time (interleaved with the baseline); p50 by app: ${perApp(compiled)}`,
  });

  // Issue 16's goal for the idle product stack: under 2 GB.
  const oldMemory = await idleMemory(OLD, { name: 'stack-product-idle-memory-source', target: 2048 });
  const newMemory = await idleMemory(NEW, {
    name: 'stack-product-idle-memory',
    target: 2048,
    baseline: { name: 'stack-product-idle-memory-source', ...summarize(oldMemory) },
  });
  console.log(
    `  product stack idle RSS: ${summarize(newMemory).p50.toFixed(0)} MiB compiled, ${summarize(oldMemory).p50.toFixed(0)} MiB through tsx`,
  );
}
