// Tier 2: servers built from source through the Go module proxy, each pinned in tools/pins.json and cached in
// <cache>/tools/<name>/<key>/bin. Three recipes (see INFRA notes and adr/0002):
//   plain         `go install module/cmd/x@vX` (module without replace directives)
//   tools-module  `go build` inside tools/go/<name>, whose go.mod repeats the upstream replace directives
//                 (and may hold a main of ours: the slim daprd, adr/0061)
//   module-source `go build` inside a copy of the downloaded module, after generating assets into it
//                 (Tilt's web UI; go-module-source.mjs, adr/0019)
// Builds run one at a time on the CPU lane (each already uses every core); the module downloads of the
// builds still waiting run on the network lane meanwhile (`prefetch`, adr/0060).
import { existsSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { goToolKey, repoRoot, toolDir, cacheRoot } from '../../paths.mjs';
import { BootstrapError, run } from '../step.mjs';
import { buildInModuleSource } from './go-module-source.mjs';

const goEnv = (bin) => ({ CGO_ENABLED: '0', GOBIN: bin, GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local' });
const proxy = { registry: 'Go module proxy' };

const isBuilt = (name, pin) => {
  const dir = toolDir(name, goToolKey(pin));
  return existsSync(join(dir, '.complete')) && pin.binaries.every((b) => existsSync(join(dir, 'bin', b)));
};

async function buildTool(name, pin) {
  const dir = toolDir(name, goToolKey(pin));
  const bin = join(dir, 'bin');
  // module-source keeps its source copy (with the web UI built) across a failed Go build.
  if (pin.recipe !== 'module-source') rmSync(dir, { recursive: true, force: true });
  mkdirSync(bin, { recursive: true });
  const log = join(dir, 'build.log');
  const common = ['-v', '-trimpath', ...(pin.tags ? ['-tags', pin.tags] : []), '-ldflags', pin.ldflags ?? ''];
  const unit = 'packages compiled or downloaded';
  if (pin.recipe === 'plain') {
    await run('go', ['install', ...common, ...pin.packages], { env: goEnv(bin), log, unit, ...proxy });
  } else if (pin.recipe === 'tools-module') {
    await run('go', ['build', ...common, '-o', `${bin}/`, ...pin.packages], {
      cwd: join(repoRoot, pin.module),
      env: goEnv(bin),
      log,
      unit,
      ...proxy,
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
  writeFileSync(join(dir, '.complete'), new Date().toISOString());
  return `built ${pin.binaries.join(', ')}`;
}

/**
 * Downloads the modules a later build compiles (network only, no compiling): `go list -deps` loads exactly the
 * packages of the build. A plain recipe lists inside its downloaded (read-only) module folder.
 */
async function prefetch(name, pin) {
  const log = join(cacheRoot, 'logs', `prefetch-${name}.log`);
  mkdirSync(join(cacheRoot, 'logs'), { recursive: true });
  const env = goEnv(join(cacheRoot, 'logs'));
  const tags = pin.tags ? ['-tags', pin.tags] : [];
  const opts = { env, log, unit: 'packages listed', ...proxy };
  if (pin.recipe === 'tools-module') {
    await run('go', ['list', '-deps', ...tags, ...pin.packages], {
      cwd: join(repoRoot, pin.module),
      ...opts,
    });
    return 'modules downloaded';
  }
  const [pkg, version] = pin.packages[0].split('@');
  const modules = pin.module ?? pkg.replace(/\/cmd\/.*$/, '');
  const out = await run('go', ['mod', 'download', '-json', `${modules}@${version}`], opts);
  const dir = JSON.parse(out.slice(out.indexOf('{'))).Dir;
  await run('go', ['list', '-deps', ...tags, `.${pkg.slice(modules.length)}`], { cwd: dir, ...opts });
  return 'modules downloaded';
}

/** `go version`: the one prerequisite of every Go step. */
export const goToolchainStep = {
  id: 'go',
  label: 'Go toolchain',
  lane: 'cpu',
  deps: [],
  typicalMs: 100,
  upToDate: () => false,
  build: async () => {
    const out = await run('go', ['version']).catch(() => {
      throw new BootstrapError(
        'the `go` command is missing: install Go 1.26 (https://go.dev/doc/install) and retry',
      );
    });
    mkdirSync(cacheRoot, { recursive: true });
    return `present (${out.trim().replace(/^go version /, '')})`;
  },
};

/** The build step of one Go pin, and (plain and tools-module recipes) the prefetch of its modules. */
export function goSteps(name, pin) {
  const build = {
    id: `go:${name}`,
    label: `${name} ${pin.version} (Go${pin.fallback ? ', from source: SHOPSTREAM_FROM_SOURCE' : ''})`,
    lane: 'cpu',
    // cgo needs the C compiler of the Debian tier.
    deps: ['go', ...(pin.cgo ? ['debian'] : [])],
    typicalMs: (pin.typicalMinutes ?? 2) * 60_000,
    upToDate: () => isBuilt(name, pin),
    build: () => buildTool(name, pin),
  };
  if (pin.recipe === 'module-source') return [build];
  const modules = {
    id: `go:${name}:modules`,
    label: `${name} ${pin.version} module downloads`,
    lane: 'net',
    deps: ['go'],
    typicalMs: 30_000,
    upToDate: () => isBuilt(name, pin),
    // Not worth it once the build itself runs: it downloads what it lacks; a failure here is not fatal either.
    obsoleteWhenStarted: build.id,
    optional: true,
    build: () => prefetch(name, pin),
  };
  return [build, modules];
}
