#!/usr/bin/env node
// CI gate for the protobuf contracts in proto/: buf lint, buf format and the breaking-change check
// against the last commit on main. Offline: only the local @bufbuild/buf binary and the local git repo.
// Usage: node tools/ci/buf-check.mjs   (exit 0 = all passed; non-zero = buf's message is printed above)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const buf = join(repoRoot, 'node_modules', '.bin', 'buf');
const PROTO_DIR = 'proto';

function run(command, args) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8' });
  return {
    ok: !result.error && result.status === 0,
    output: `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || result.error?.message || '',
  };
}

function git(...args) {
  const result = run('git', args);
  return result.ok ? result.output : undefined;
}

function seconds(since) {
  return `${((performance.now() - since) / 1000).toFixed(1)}s`;
}

/** Picks the buf input to compare against, or explains why there is none. */
function breakingBaseline() {
  if (git('rev-parse', '--is-inside-work-tree') !== 'true') {
    return { skip: 'not inside a git work tree' };
  }
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  let ref;
  let label;
  if (branch === 'main') {
    ref = 'HEAD~1';
    label = 'HEAD~1 (on main)';
  } else if (git('rev-parse', '--verify', '--quiet', 'refs/heads/main^{commit}')) {
    ref = 'main';
    label = `main (on ${branch === 'HEAD' ? 'a detached HEAD' : branch})`;
  } else if (git('rev-parse', '--verify', '--quiet', 'refs/remotes/origin/main^{commit}')) {
    ref = 'origin/main';
    label = `origin/main (on ${branch === 'HEAD' ? 'a detached HEAD' : branch}, no local main)`;
  } else {
    return { skip: 'no main branch (local or origin/main) to compare against' };
  }
  if (!git('rev-parse', '--verify', '--quiet', `${ref}^{commit}`)) {
    return { skip: `${ref} does not exist (first commit on main?)` };
  }
  const files = git('ls-tree', '-r', '--name-only', ref, '--', `${PROTO_DIR}/`) ?? '';
  if (!files.split('\n').some((file) => file.endsWith('.proto'))) {
    return { skip: `${ref} has no .proto files under ${PROTO_DIR}/ (contracts are new)` };
  }
  // buf reads the commit straight from the local repository: no network.
  const input =
    ref === 'main' ? `.git#branch=main,subdir=${PROTO_DIR}` : `.git#ref=${ref},subdir=${PROTO_DIR}`;
  return { input, label };
}

const checks = [
  { name: 'buf lint', args: ['lint', PROTO_DIR] },
  { name: 'buf format', args: ['format', '--diff', '--exit-code', PROTO_DIR] },
];

const started = performance.now();
if (!existsSync(buf)) {
  console.error('buf-check: node_modules/.bin/buf not found; @bufbuild/buf is not installed (run npm ci).');
  process.exit(1);
}

let failed = 0;
for (const check of checks) {
  const t0 = performance.now();
  const result = run(buf, check.args);
  if (result.ok) {
    console.log(`✔ ${check.name} (${seconds(t0)})`);
  } else {
    failed += 1;
    console.error(`✘ ${check.name} (${seconds(t0)}): buf ${check.args.join(' ')}`);
    if (result.output) console.error(result.output.replace(/^/gm, '    '));
    if (check.name === 'buf format') console.error('    fix: npx buf format -w proto');
  }
}

const baseline = breakingBaseline();
if (baseline.skip) {
  console.log(`– buf breaking skipped: ${baseline.skip}`);
} else {
  const t0 = performance.now();
  const args = ['breaking', PROTO_DIR, '--against', baseline.input];
  const result = run(buf, args);
  if (result.ok) {
    console.log(`✔ buf breaking vs ${baseline.label} (${seconds(t0)})`);
  } else {
    failed += 1;
    console.error(`✘ buf breaking vs ${baseline.label} (${seconds(t0)}): buf ${args.join(' ')}`);
    if (result.output) console.error(result.output.replace(/^/gm, '    '));
    console.error('    removed fields/values must be reserved by number and name; renames need a new field.');
  }
}

if (failed > 0) {
  console.error(`buf-check: ${failed} check(s) failed in ${seconds(started)}`);
  process.exit(1);
}
console.log(`buf-check: passed in ${seconds(started)}`);
