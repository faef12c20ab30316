/**
 * `npm test`: every check, in the order that fails fastest. Static checks, unit tests, then ONE local stack
 * (fresh data folder, the same supervisor as `npm start`, plus the test-only apps of test/platform/apps.yaml)
 * shared by every integration test file, then ONE full-profile stack (Kafka) for the tests whose behaviour
 * depends on the broker; each stack is stopped at the end whatever happened. Last, `tilt ci` on the Tiltfile.
 *
 * Then the restart phase (issue 12): on each profile a stack is stopped, and then killed, on used data and
 * started again (restart-phase.ts).
 *
 * `npx tsx tools/ci/test.ts [static] [unit] [integration] [full] [restart] [tilt] [-- <vitest file filters>]` runs only the
 * named phases (all when none is named); filters after `--` narrow the integration files of both stacks.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { phase, printSummary, results, sh, skip } from './phases.js';
import type { Profile } from '../stack/dapr-resources.js';
import { testStackOptions } from './test-stack.js';

const dataRoot = join(repoRoot, '.data', 'test');
process.env.SHOPSTREAM_DATA = dataRoot;
// One test shop's carts expire in seconds, so the expiry reminder can be tested (test/orders); the apps
// inherit this environment.
process.env.CART_EXPIRY_BY_TENANT ??= JSON.stringify({ 'cart-expiry-test': '30s' });

// Imported after SHOPSTREAM_DATA is set: the stack layout reads it once.
const { stackProcesses } = await import('../stack/stack.js');
const { Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');
const { freshRestartPhase, restartPhase, restartSeed } = await import('./restart-phase.js');

const args = process.argv.slice(2);
const dashes = args.indexOf('--');
const only = dashes >= 0 ? args.slice(0, dashes) : args;
const filters = dashes >= 0 ? args.slice(dashes + 1) : [];
const wanted = (name: string) => only.length === 0 || only.includes(name);
/** Phases left out by the command line are announced, never skipped silently. */
const notNamed = `not named on the command line (${only.join(' ')})`;

/**
 * Integration tests whose behaviour depends on the pub/sub broker: they run against both profiles. The
 * Kafka-only ones among them (kafkajs, the broker outage) skip themselves on the local profile.
 */
const brokerDependent = [
  'test/platform/conformance/',
  'test/platform/pubsub.integration.test.ts',
  'test/platform/tracing.integration.test.ts',
  'test/fault/',
];

/**
 * Starts a fresh stack of `profile`, runs the integration files (all, or those matching `files`), stops it.
 * With the whole suite, the restart phase follows on the same, now well-used, data folder: before the stop the
 * seed of data of every kind, after it restartPhase (stop → start → verify, then a SIGKILL crash).
 */
async function stackPhase(profile: Profile, label: string, files: string[]): Promise<void> {
  const restartAfter = wanted('restart') && filters.length === 0;
  let seeded = false;
  rmSync(dataRoot, { recursive: true, force: true });
  const supervisor = new Supervisor(stackProcesses(testStackOptions(profile)));
  const up = await phase(`start ${label} stack`, async () => {
    await supervisor.up();
  });
  if (up) {
    const control = await startControlServer(supervisor, () => undefined);
    await phase(`integration tests on the ${label} stack (vitest)`, () =>
      sh('npx', ['vitest', 'run', '--config', 'vitest.integration.config.ts', ...files], {
        SHOPSTREAM_DATA: dataRoot,
        SHOPSTREAM_PROFILE: profile,
      }),
    );
    // The web app's browser tests on the local stack: their own phase, so their duration shows.
    if (profile === 'local' && filters.length === 0)
      await phase('web e2e (Chromium, axe, keyboard, CSP, Lighthouse)', () =>
        sh('npx', ['vitest', 'run', '--config', 'vitest.web.config.ts'], { SHOPSTREAM_DATA: dataRoot }),
      );
    else if (profile === 'local')
      skip('web e2e', `file filters given (${filters.join(' ')}): browser tests run only unfiltered`);
    if (restartAfter)
      seeded = await phase(`restart (${label}): create data of every kind on the used stack`, () =>
        restartSeed(profile, dataRoot),
      );
    control.close();
  } else skip(`integration tests on the ${label} stack`, 'the stack did not start (see above)');
  await phase(`stop ${label} stack`, () => supervisor.down());
  if (seeded) await restartPhase(profile, label, dataRoot);
}

/** The full stack runs the broker-dependent files, or the filters that fall among them. */
const fullFiles =
  filters.length === 0
    ? brokerDependent
    : filters.filter((f) => brokerDependent.some((d) => f.startsWith(d) || d.startsWith(f)));

// What the named phases need, built when missing (`npm test` bootstrapped everything already: stamp checks).
const needs = new Set<string>();
if (wanted('integration')) needs.add('start');
if (wanted('integration') && filters.length === 0) needs.add('browser');
if (wanted('full') || (wanted('restart') && filters.length === 0)) needs.add('full');
if (wanted('tilt')) needs.add('tilt');
if (needs.size > 0) {
  const { ensureTools } = await import('../stack/ensure-tools.js');
  ensureTools([...needs]);
}

if (!wanted('static')) skip('static checks (format, lint, typecheck, buf)', notNamed);
if (wanted('static')) {
  await phase('format (prettier)', () => sh('npx', ['prettier', '--check', '--log-level', 'warn', '.']));
  await phase('lint (eslint)', () => sh('npx', ['eslint', '--max-warnings', '0', '.']));
  await phase('typecheck (tsc)', () => sh('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
  await phase('typecheck web (tsc)', async () => {
    await sh('npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']);
    await sh('npx', ['tsc', '-p', 'test/web/tsconfig.json', '--noEmit']);
  });
  await phase('protobuf (buf lint, format, breaking)', () => sh('node', ['tools/ci/buf-check.mjs']));
  await phase('numbers (docs/numbers.md = bench/results)', () =>
    sh('npx', ['tsx', 'tools/ci/numbers.ts', '--check']),
  );
}
if (!wanted('unit')) skip('unit tests', notNamed);
if (wanted('unit')) {
  await phase('unit tests (vitest)', () => sh('npx', ['vitest', 'run', '--config', 'vitest.config.ts']));
}
if (wanted('integration') || wanted('full')) {
  // Every stack serves web/'s production build: rebuilt here when web/ changed since the last build.
  await phase('web production build (if web/ changed)', async () => {
    const { webTier } = await import('../bootstrap/tiers/web.mjs');
    await webTier();
  });
}
if (wanted('integration')) await stackPhase('local', 'local', filters);
else skip('local stack + integration tests', notNamed);
if (wanted('full') && fullFiles.length > 0) await stackPhase('full', 'full (Kafka)', fullFiles);
else if (wanted('full'))
  skip('full (Kafka) stack', `no broker-dependent file among the filters (${filters.join(' ')})`);
else skip('full (Kafka) stack', notNamed);
if (wanted('restart') && filters.length === 0) {
  // Alone (without the integration phases that seed it): a fresh stack per profile, seeded, then the same.
  if (!wanted('integration')) await freshRestartPhase('local', 'local', dataRoot);
  if (!wanted('full')) await freshRestartPhase('full', 'full', dataRoot);
} else if (wanted('restart'))
  skip('restart phase', `file filters given (${filters.join(' ')}): it runs only unfiltered`);
else skip('restart phase', notNamed);
if (!wanted('tilt')) skip('tilt ci', notNamed);
if (wanted('tilt')) {
  // After the integration stacks stopped: Tilt runs the same processes on the same ports.
  const { tiltCi } = await import('./tilt-phase.js');
  await phase('tilt ci (Tiltfile + smoke test)', () => tiltCi());
}

printSummary();
process.exit(results.every((r) => r.ok) ? 0 : 1);
