import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from '../paths.mjs';
import { StackError } from './supervisor.js';

/**
 * Runs the bootstrap for `targets` (tools/bootstrap/plan.mjs: start, full, browser, tilt) before a command
 * that needs them: `npm start -- --profile full` needs the Kafka jars that plain `npm start` skips, and a
 * targeted `tools/ci/test.ts` run needs only what its phases use. Milliseconds when everything is cached.
 */
export function ensureTools(targets: string[]): void {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'tools', 'bootstrap', 'main.mjs'), '--for', targets.join(',')],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new StackError(`the bootstrap for ${targets.join(', ')} failed (see above)`);
}
