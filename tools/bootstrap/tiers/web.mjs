// Tier 5: the web app's production build (`next build` in web/), so `npm start` serves a built site. Keyed
// by a hash of web/'s sources and the lockfile: a warm bootstrap with unchanged sources skips it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { repoRoot } from '../../paths.mjs';
import { run, step } from '../step.mjs';

const webDir = join(repoRoot, 'web');
/** What the build does not read: outputs, dependencies and tests (also unit tests, `*.test.ts`). */
const skipped = new Set(['.next', 'node_modules', 'e2e', 'test-results', 'README.md']);

const walk = (dir) =>
  readdirSync(dir)
    .filter((name) => !skipped.has(name))
    .flatMap((name) => {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) return walk(p);
      return name.endsWith('.test.ts') ? [] : [p];
    });

/** Workspace modules the bundler compiles into the web app (the rest it loads at run time, unbundled). */
const bundledModules = [
  join(repoRoot, 'packages', 'service-defaults', 'src', 'contracts'),
  join(repoRoot, 'services', 'catalog', 'src', 'domain', 'product-rules.ts'),
];

export function webSourceHash() {
  const h = createHash('sha256');
  const bundled = bundledModules.flatMap((p) => (statSync(p).isDirectory() ? walk(p).sort() : [p]));
  const files = [...walk(webDir).sort(), ...bundled, join(repoRoot, 'package-lock.json')];
  for (const f of files) h.update(relative(repoRoot, f)).update(readFileSync(f));
  return h.digest('hex');
}

const stamp = join(webDir, '.next', '.shopstream-source-hash');

/** The web app's production build, after the npm dependencies and the generated code it imports. */
export const webStep = {
  id: 'web',
  label: 'web production build (next build)',
  lane: 'cpu',
  deps: ['npm', 'proto'],
  typicalMs: 24_000,
  upToDate: () => existsSync(stamp) && readFileSync(stamp, 'utf8') === webSourceHash(),
  build: async () => {
    const want = webSourceHash();
    await run('npx', ['next', 'build'], {
      cwd: webDir,
      // The server code imports workspace packages written in TypeScript (kept external): tsx loads them.
      env: { NODE_OPTIONS: '--import=tsx', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
      unit: 'lines',
    });
    writeFileSync(stamp, want);
    return 'built';
  },
};

/** The web build on its own (`npm test`'s stack phases, Tilt): skipped when the sources are unchanged. */
export async function webTier() {
  await step(webStep.label, () => (webStep.upToDate() ? 'up to date' : webStep.build()));
}
