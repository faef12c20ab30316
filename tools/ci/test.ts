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
  await phase('protobuf (buf lint, format, breaking)', () => sh('node', ['tools/ci/buf-check.mjs']));
}
if (wanted('unit')) {
  await phase('unit tests (vitest)', () => sh('npx', ['vitest', 'run', '--config', 'vitest.config.ts']));
}
if (wanted('integration')) {
  rmSync(dataRoot, { recursive: true, force: true });
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
    control.close();
  }
  await phase('stop local stack', () => supervisor.down());
}
if (wanted('tilt')) {
  // After the integration stack stopped: Tilt runs the same processes on the same ports.
  const { tiltCi } = await import('./tilt-phase.js');
  await phase('tilt ci (Tiltfile + smoke test)', () => tiltCi());
}

printSummary();
process.exit(results.every((r) => r.ok) ? 0 : 1);
