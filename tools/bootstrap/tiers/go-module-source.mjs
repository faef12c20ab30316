// The `module-source` recipe of the Go tier: build inside a copy of the downloaded module, for a tool whose
// generated assets must be placed into its source tree before `go build` (Tilt's web UI, see adr/0019).
// Building as the main module also makes its own `replace` lines apply, so no tools module is needed.
//   1. `go mod download -json M@V` → the read-only module folder; copy it to <tool>/src, make it writable
//   2. web UI: the repo's bundled Yarn (`node .yarn/releases/yarn-x.cjs`) against the npm registry npm uses,
//      install + build, copy the output into the folder the Go code embeds
//   3. go.sum lines upstream recorded for re-tagged dependencies are re-verified (`refreshSums` in pins.json)
//   4. `go build` the command with the version stamped; the source copy is removed afterwards
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BootstrapError, run } from '../step.mjs';

/** The registry npm itself is configured with (`npm config get registry`), without the trailing slash. */
async function npmRegistry() {
  const out = await run('npm', ['config', 'get', 'registry']);
  return out.trim().split('\n').pop().replace(/\/$/, '');
}

async function buildWebUi(src, ui, log) {
  const web = join(src, ui.dir);
  const yarn = join(web, ui.yarn);
  if (!existsSync(yarn)) throw new BootstrapError(`${ui.yarn} is missing in the module's ${ui.dir}/ folder`);
  const env = {
    YARN_NPM_REGISTRY_SERVER: await npmRegistry(),
    YARN_ENABLE_TELEMETRY: '0',
    YARN_ENABLE_PROGRESS_BARS: '0',
    YARN_ENABLE_GLOBAL_CACHE: '0',
    // react-scripts turns every lint warning into an error when CI=true (our CI sets it).
    CI: 'false',
    GENERATE_SOURCEMAP: 'false',
    DISABLE_ESLINT_PLUGIN: 'true',
    BROWSERSLIST_IGNORE_OLD_DATA: '1',
    NODE_OPTIONS: '--max-old-space-size=3072',
  };
  // skip-build: no dependency's install script runs (none is needed to bundle the UI; adr/0008 spirit).
  await run('node', [yarn, 'install', '--immutable', '--mode=skip-build'], {
    cwd: web,
    env,
    log,
    registry: 'npm registry',
    unit: 'lines of yarn output',
  });
  await run('node', [yarn, 'run', 'build'], { cwd: web, env, log, unit: 'lines of build output' });
  const built = join(src, ui.output);
  if (!existsSync(join(built, 'index.html')))
    throw new BootstrapError(`the web UI build produced no ${ui.output}/index.html (log: ${log})`);
  const assets = join(src, ui.assets);
  mkdirSync(assets, { recursive: true });
  for (const entry of readdirSync(built))
    cpSync(join(built, entry), join(assets, entry), { recursive: true });
}

/**
 * go.sum lines of the module that name content the proxy and sum.golang.org no longer serve (a re-tagged
 * dependency): drop them and let `go mod download` record the checksum the checksum database vouches for.
 */
async function refreshSums(src, modules, { env, log }) {
  if (!modules?.length) return;
  const sumFile = join(src, 'go.sum');
  const drop = modules.map((m) => m.replace('@', ' ') + ' ');
  const lines = readFileSync(sumFile, 'utf8').split('\n');
  writeFileSync(sumFile, lines.filter((l) => !drop.some((d) => l.startsWith(d))).join('\n'));
  await run('go', ['mod', 'download', ...modules], { cwd: src, env, log, registry: 'Go module proxy' });
}

export async function buildInModuleSource(pin, { dir, bin, log, env }) {
  const src = join(dir, 'src');
  // The web UI takes minutes: a source copy whose UI is built already (an earlier Go build failed) is reused.
  const uiDone = join(src, '.shopstream-web-ui-built');
  if (!existsSync(uiDone)) {
    const download = await run('go', ['mod', 'download', '-json', `${pin.module}@v${pin.version}`], {
      env,
      log,
      registry: 'Go module proxy',
    });
    const moduleDir = JSON.parse(download.slice(download.indexOf('{'))).Dir;
    if (!moduleDir || !existsSync(moduleDir))
      throw new BootstrapError(`go mod download gave no folder for ${pin.module}@v${pin.version}`);
    rmSync(src, { recursive: true, force: true });
    cpSync(moduleDir, src, { recursive: true });
    await run('chmod', ['-R', 'u+w', src]);
    if (pin.webUi) await buildWebUi(src, pin.webUi, log);
    writeFileSync(uiDone, new Date().toISOString());
  }
  await refreshSums(src, pin.refreshSums, { env, log });
  await run(
    'go',
    [
      'build',
      '-v',
      '-trimpath',
      '-mod=readonly',
      ...(pin.tags ? ['-tags', pin.tags] : []),
      '-ldflags',
      pin.ldflags ?? '',
      '-o',
      join(bin, pin.binaries[0]),
      pin.package,
    ],
    {
      cwd: src,
      // Tilt's Tiltfile parser uses tree-sitter, a C library: `"cgo": true` in pins.json (needs a C compiler).
      env: pin.cgo ? { ...env, CGO_ENABLED: '1' } : env,
      log,
      registry: 'Go module proxy',
      unit: 'packages compiled or downloaded',
    },
  );
  rmSync(src, { recursive: true, force: true });
}
