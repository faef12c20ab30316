// Tier 3: servers from PyPI, each in its own virtualenv under the cache, installed from a fully pinned
// requirements file (tools/python/<name>.txt); a pin with `requireHashes` installs with pip's
// --require-hashes, so every file must match the hash committed beside its version.
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pins, repoRoot, toolDir } from '../../paths.mjs';
import { run, step } from '../step.mjs';

export async function pythonTier() {
  for (const [name, pin] of Object.entries(pins.python)) {
    await step(`${name} ${pin.version} (PyPI)`, async () => {
      const dir = toolDir(name, pin.version);
      const venv = join(dir, 'venv');
      const done = join(dir, '.complete');
      if (existsSync(done) && pin.binaries.every((b) => existsSync(join(venv, 'bin', b)))) return 'cached';
      rmSync(dir, { recursive: true, force: true });
      const log = join(dir, 'install.log');
      await run('python3', ['-m', 'venv', venv]);
      await run(
        join(venv, 'bin', 'pip'),
        [
          'install',
          '-q',
          ...(pin.requireHashes === true ? ['--require-hashes'] : []),
          '-r',
          join(repoRoot, 'tools', 'python', `${name}.txt`),
        ],
        {
          log,
          registry: 'PyPI',
        },
      );
      writeFileSync(done, new Date().toISOString());
      return `installed into ${venv}`;
    });
  }
}
