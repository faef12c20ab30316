// Tier 0: npm dependencies and generated code. `npm ci` runs only when package-lock.json changed since the
// last install (a hash stamp in node_modules), so a warm bootstrap costs milliseconds here.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../paths.mjs';
import { run } from '../step.mjs';

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

const lockStamp = join(repoRoot, 'node_modules', '.shopstream-lock-hash');
const lockHash = () => hashFiles([join(repoRoot, 'package-lock.json')]);
const protoOut = join(repoRoot, 'packages', 'proto', 'src', 'gen');
const protoStamp = join(protoOut, '.source-hash');
const protoInputs = () =>
  walk(join(repoRoot, 'proto'))
    .filter((f) => f.endsWith('.proto') || f.endsWith('.yaml'))
    .sort();
const stamped = (stamp, want) => existsSync(stamp) && readFileSync(stamp, 'utf8') === want;

export const npmStep = {
  id: 'npm',
  label: 'npm dependencies (npm ci)',
  lane: 'net',
  deps: [],
  typicalMs: 84_000,
  upToDate: () => stamped(lockStamp, lockHash()),
  build: async () => {
    const want = lockHash();
    await run('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: repoRoot,
      registry: 'npm registry',
      unit: 'lines of npm output',
    });
    writeFileSync(lockStamp, want);
    return 'installed with npm ci';
  },
};

export const protoStep = {
  id: 'proto',
  label: 'generated protobuf code',
  lane: 'cpu',
  deps: ['npm'],
  typicalMs: 10_000,
  upToDate: () => stamped(protoStamp, hashFiles(protoInputs())),
  build: async () => {
    const inputs = protoInputs();
    await run('node', [join(repoRoot, 'packages', 'proto', 'scripts', 'generate.mjs')], { cwd: repoRoot });
    writeFileSync(protoStamp, hashFiles(inputs));
    return `generated from ${inputs.length} files`;
  },
};
