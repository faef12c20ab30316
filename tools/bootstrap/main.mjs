#!/usr/bin/env node
// Idempotent toolchain bootstrap: `npm start`, `npm run tilt` and `npm test` run it first, each for what it
// needs (`--for start|full|browser|tilt|npm|test|all`, a comma list; default all; `--dry-run` prints the
// plan only; `--only <step id,...>` runs just those steps, e.g. `--only go:dapr` into a temporary
// SHOPSTREAM_CACHE to time one tier). Plain Node with no
// dependencies, because it is what installs the dependencies. It says what it is about to build and how long
// that took last time on this machine (or typically), runs compiles one at a time while downloads run beside
// them (scheduler.mjs), prints one progress line every 30 s and records every build's time (adr/0060).
import { cacheRoot, fromSource } from '../paths.mjs';
import { expandTargets, planSteps, skippedPins } from './plan.mjs';
import { runSteps } from './scheduler.mjs';
import { approx, BootstrapError, fmt } from './step.mjs';
import { lastTimes, recordTime } from './times.mjs';

const commandOf = {
  start: 'npm start',
  full: '--profile full',
  browser: 'the browser tests',
  tilt: 'npm run tilt / tilt ci',
  npm: 'every command',
};

function parseTargets(argv) {
  const i = argv.indexOf('--for');
  const names = i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : ['all'];
  return { names, targets: expandTargets(names) };
}

function describe(steps) {
  const times = lastTimes();
  for (const s of steps) {
    const last = times[s.id];
    s.estimateMs = last?.ms ?? s.typicalMs;
    s.estimateNote = last ? `last time ${approx(last.ms)} here` : `typically ~${approx(s.typicalMs)}`;
  }
}

try {
  const { names, targets } = parseTargets(process.argv.slice(2));
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : null;
  // --only <step ids>: just those (and the Go toolchain check), to measure one tier into a temporary cache.
  const all = planSteps(targets).filter((s) => !only || only.has(s.id) || s.id === 'go');
  const todo = all.filter((s) => !s.upToDate());
  const upToDate = all.filter((s) => !todo.includes(s) && !s.id.endsWith(':modules'));
  // The Go toolchain check is worth a line only when something is compiled.
  const work = todo.some((s) => s.id.startsWith('go:')) ? todo : todo.filter((s) => s.id !== 'go');
  describe(work);
  console.log(`Shopstream bootstrap for ${names.join(', ')} (tool cache: ${cacheRoot})`);
  if (fromSource.size > 0)
    console.log(`  from source (SHOPSTREAM_FROM_SOURCE): ${[...fromSource].join(', ')}`);
  if (upToDate.length > 0)
    console.log(`  up to date: ${upToDate.map((s) => s.label.split(' (')[0]).join(', ')}`);
  const skipped = skippedPins(targets);
  if (skipped.length > 0)
    console.log(
      `  not needed here: ${skipped.map((p) => `${p.name} (${p.for.map((t) => commandOf[t] ?? t).join(', ')})`).join(', ')}`,
    );
  if (work.length === 0) {
    console.log('Bootstrap: nothing to do.');
    process.exit(0);
  }
  const visible = work.filter((s) => !s.id.endsWith(':modules') && s.id !== 'go');
  const cpu = visible.filter((s) => s.lane === 'cpu').reduce((sum, s) => sum + s.estimateMs, 0);
  const net = visible.filter((s) => s.lane === 'net').reduce((sum, s) => sum + s.estimateMs, 0);
  const lanes = [
    cpu > 0 && `compiles one at a time ~${approx(cpu)}`,
    net > 0 && `downloads beside them ~${approx(net)}`,
  ];
  console.log(
    `  to build: ${visible.map((s) => `${s.label.split(' (')[0]} ~${approx(s.estimateMs)}`).join(', ')}` +
      `\n  expected ~${approx(Math.max(cpu, net))} (${lanes.filter(Boolean).join(', ')})`,
  );
  if (process.argv.includes('--dry-run')) process.exit(0);
  const ms = await runSteps(work, {
    onFinished: (s, took) => {
      if (!s.id.endsWith(':modules') && s.id !== 'go') recordTime(s.id, s.label, took);
    },
  });
  console.log(
    `Bootstrap finished in ${fmt(ms)} (${visible.length} of ${all.filter((s) => s.id !== 'go' && !s.id.endsWith(':modules')).length} steps did work).`,
  );
} catch (err) {
  if (err instanceof BootstrapError || /unknown bootstrap target/.test(err?.message)) {
    console.error(`\nBootstrap failed: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
