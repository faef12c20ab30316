import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { sh } from './phases.js';

/**
 * `npm test`'s Tilt phase: `tilt ci` on the Tiltfile with a fresh data folder of its own, after the main
 * integration stack has stopped (same ports). It passes when every resource became ready and the smoke test
 * (test/tilt/smoke.ts) passed; Tilt stops every process it started when it exits. Bounded by --timeout.
 */
export async function tiltCi(timeoutMinutes = 6): Promise<void> {
  const dataRoot = join(repoRoot, '.data', 'tilt-ci');
  rmSync(dataRoot, { recursive: true, force: true });
  // coreutils `timeout` as a backstop in case Tilt itself hangs: SIGTERM reaches tilt through tilt-cli.ts.
  const backstop = String(timeoutMinutes * 60 + 60);
  await sh(
    'timeout',
    [
      '-k',
      '30',
      backstop,
      'node_modules/.bin/tsx',
      'tools/stack/tilt-cli.ts',
      'ci',
      '--timeout',
      `${timeoutMinutes}m`,
    ],
    // The examples profile: the smoke test pings the walking skeleton (test/platform/apps.yaml).
    { SHOPSTREAM_DATA: dataRoot, SHOPSTREAM_EXAMPLES: '1' },
  );
}
