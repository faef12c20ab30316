// Tier 2: servers built from source through the Go module proxy, each pinned in tools/pins.json and cached in
// <cache>/tools/<name>/<version>/bin. Two recipes (see INFRA notes and adr/0002):
//   plain         `go install module/cmd/x@vX` (module without replace directives)
//   tools-module  `go build` inside tools/go/<name>, whose go.mod repeats the upstream replace directives
//   module-source `go build` inside a copy of the downloaded module, after generating assets into it
//                 (Tilt's web UI; go-module-source.mjs, adr/0019)
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { goToolKey, pins, repoRoot, toolDir, cacheRoot } from '../../paths.mjs';
import { BootstrapError, run, step } from '../step.mjs';
import { buildInModuleSource } from './go-module-source.mjs';

const goEnv = (bin) => ({ CGO_ENABLED: '0', GOBIN: bin, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' });

async function buildTool(name, pin) {
  const dir = toolDir(name, goToolKey(pin));
  const bin = join(dir, 'bin');
  const done = join(dir, '.complete');
  if (existsSync(done) && pin.binaries.every((b) => existsSync(join(bin, b)))) return 'cached';
  // module-source keeps its source copy (with the web UI built) across a failed Go build.
  if (pin.recipe !== 'module-source') rmSync(dir, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'build.log');
  const common = ['-v', '-trimpath', ...(pin.tags ? ['-tags', pin.tags] : []), '-ldflags', pin.ldflags ?? ''];
  if (pin.recipe === 'plain') {
    await run('go', ['install', ...common, ...pin.packages], {
      env: goEnv(bin),
      log,
      registry: 'Go module proxy',
      unit: 'packages compiled or downloaded',
    });
  } else if (pin.recipe === 'tools-module') {
    await run('go', ['build', ...common, '-o', `${bin}/`, ...pin.packages], {
      cwd: join(repoRoot, pin.module),
      env: goEnv(bin),
      log,
      registry: 'Go module proxy',
      unit: 'packages compiled or downloaded',
    });
  } else if (pin.recipe === 'module-source') {
    await buildInModuleSource(pin, { dir, bin, log, env: goEnv(bin) });
  } else {
    throw new BootstrapError(`tools/pins.json: unknown recipe "${pin.recipe}" for ${name}`);
  }
  for (const b of pin.binaries) {
    if (!existsSync(join(bin, b)))
      throw new BootstrapError(`${name}: build finished but ${join(bin, b)} is missing (log: ${log})`);
  }
  writeFileSync(done, new Date().toISOString());
  return `built ${pin.binaries.join(', ')}`;
}

export async function goTier() {
  await step('Go toolchain', async () => {
    const out = await run('go', ['version']).catch(() => {
      throw new BootstrapError(
        'the `go` command is missing: install Go 1.26 (https://go.dev/doc/install) and retry',
      );
    });
    mkdirSync(cacheRoot, { recursive: true });
    return `present (${out.trim().replace(/^go version /, '')})`;
  });
  // Sequential on purpose: each build already uses every core.
  for (const [name, pin] of Object.entries(pins.go)) {
    await step(`${name} ${pin.version} (Go)`, () => buildTool(name, pin));
  }
}
