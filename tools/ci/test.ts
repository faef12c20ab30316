/**
 * `npm test`: every check, in the order that fails fastest. Static checks, unit tests, then ONE local stack
 * (fresh data folder, the same supervisor as `npm start`, plus the test-only apps of test/platform/apps.yaml)
 * shared by every integration test file, stopped at the end whatever happened.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { phase, printSummary, results, sh } from './phases.js';

const dataRoot = join(repoRoot, '.data', 'test');
process.env.SHOPSTREAM_DATA = dataRoot;

// Imported after SHOPSTREAM_DATA is set: the stack layout reads it once.
const { stackProcesses } = await import('../stack/stack.js');
const { Supervisor } = await import('../stack/supervisor.js');
const { startControlServer } = await import('../stack/control.js');

const only = process.argv.slice(2);
const wanted = (name: string) => only.length === 0 || only.includes(name);

if (wanted('static')) {
  await phase('format (prettier)', () => sh('npx', ['prettier', '--check', '--log-level', 'warn', '.']));
  await phase('lint (eslint)', () => sh('npx', ['eslint', '--max-warnings', '0', '.']));
  await phase('typecheck (tsc)', () => sh('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']));
  await phase('typecheck web (tsc)', async () => {
    await sh('npx', ['tsc', '-p', 'web/tsconfig.json', '--noEmit']);
    await sh('npx', ['tsc', '-p', 'test/web/tsconfig.json', '--noEmit']);
  });
  await phase('protobuf (buf lint, format, breaking)', () => sh('node', ['tools/ci/buf-check.mjs']));
}
if (wanted('unit')) {
  await phase('unit tests (vitest)', () => sh('npx', ['vitest', 'run', '--config', 'vitest.config.ts']));
}
if (wanted('integration')) {
  rmSync(dataRoot, { recursive: true, force: true });
  // The stack serves web/'s production build: rebuilt here when web/ changed since the last build.
  await phase('web production build (if web/ changed)', async () => {
    const { webTier } = await import('../bootstrap/tiers/web.mjs');
    await webTier();
  });
  const supervisor = new Supervisor(
    stackProcesses({ profile: 'local', extraAppsFiles: [join(repoRoot, 'test', 'platform', 'apps.yaml')] }),
  );
  const up = await phase('start local stack', async () => {
    await supervisor.up();
  });
  if (up) {
    const control = await startControlServer(supervisor, () => undefined);
    await phase('integration tests (vitest, real stack)', () =>
      sh('npx', ['vitest', 'run', '--config', 'vitest.integration.config.ts'], { SHOPSTREAM_DATA: dataRoot }),
    );
    // The web app's browser tests, on the same stack: its own phase so its duration shows.
    await phase('web e2e (Chromium, axe, keyboard, CSP, Lighthouse)', () =>
      sh('npx', ['vitest', 'run', '--config', 'vitest.web.config.ts'], { SHOPSTREAM_DATA: dataRoot }),
    );
    control.close();
  }
  await phase('stop local stack', () => supervisor.down());
}

printSummary();
process.exit(results.every((r) => r.ok) ? 0 : 1);
