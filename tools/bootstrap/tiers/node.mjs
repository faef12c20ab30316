// Tier 0: npm dependencies and generated code. `npm ci` runs only when package-lock.json changed since the
// last install (a hash stamp in node_modules), so a warm bootstrap costs milliseconds here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../paths.mjs';
import { run, step } from '../step.mjs';

const hashFiles = (files) => {
  const h = createHash('sha256');
  for (const f of files) h.update(f).update(readFileSync(f));
  return h.digest('hex');
};

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });

export async function nodeTier() {
  await step('npm dependencies', async () => {
    const lock = join(repoRoot, 'package-lock.json');
    const stamp = join(repoRoot, 'node_modules', '.shopstream-lock-hash');
    const want = hashFiles([lock]);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return 'up to date';
    await run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot, registry: 'npm registry' });
    writeFileSync(stamp, want);
    return 'installed with npm ci';
  });
  await step('generated protobuf code', async () => {
    const protoDir = join(repoRoot, 'proto');
    const out = join(repoRoot, 'packages', 'proto', 'src', 'gen');
    const stamp = join(out, '.source-hash');
    const inputs = [
      ...walk(protoDir)
        .filter((f) => f.endsWith('.proto') || f.endsWith('.yaml'))
        .sort(),
    ];
    const want = hashFiles(inputs);
    if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return 'up to date';
    await run('node', [join(repoRoot, 'packages', 'proto', 'scripts', 'generate.mjs')], { cwd: repoRoot });
    writeFileSync(stamp, want);
    return `generated from ${inputs.length} files`;
  });
}
