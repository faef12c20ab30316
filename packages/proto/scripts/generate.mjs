#!/usr/bin/env node
// Regenerates packages/proto/src/gen from proto/ with buf + the LOCAL ts-proto plugin.
// Fully offline: no remote plugins, no BSR dependencies. Usage: `npm run proto` (from anywhere).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const binDir = join(repoRoot, 'node_modules', '.bin');
const buf = join(binDir, 'buf');
const plugin = join(binDir, 'protoc-gen-ts_proto');
const outDir = join(repoRoot, 'packages', 'proto', 'src', 'gen');

for (const [file, pkg] of [
  [buf, '@bufbuild/buf'],
  [plugin, 'ts-proto'],
]) {
  if (!existsSync(file)) {
    console.error(`proto: ${relative(repoRoot, file)} not found; ${pkg} is not installed (run npm ci).`);
    process.exit(1);
  }
}

const started = performance.now();
rmSync(outDir, { recursive: true, force: true });

// buf.gen.yaml names the plugin `protoc-gen-ts_proto`; putting node_modules/.bin first on PATH
// makes buf run the locally installed ts-proto, never a global one.
const result = spawnSync(buf, ['generate', 'proto', '--template', 'proto/buf.gen.yaml'], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PATH: `${binDir}${delimiter}${process.env.PATH ?? ''}` },
});
if (result.error) {
  console.error(`proto: could not run buf: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  console.error(`proto: buf generate failed (exit ${result.status ?? result.signal}).`);
  process.exit(result.status || 1);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`proto: generated ${relative(repoRoot, outDir)} in ${seconds}s`);
