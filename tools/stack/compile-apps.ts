import { existsSync, mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { z } from 'zod';
import { repoRoot } from '../paths.mjs';
import { StackError } from './supervisor.js';

/**
 * `npm start` runs each app as one JavaScript file that esbuild bundled from its TypeScript (adr/0062), instead
 * of transpiling every file through tsx at each start. Only the house's own code is inlined (`@shopstream/*`,
 * the app's own files); npm packages stay `import`s, so OpenTelemetry's import hooks still patch them and
 * Node loads the same copies the source would. The bundle is rebuilt at every start (a few hundred ms) and
 * written only when its bytes changed. `SHOPSTREAM_APPS=source` runs the TypeScript through tsx instead.
 */
export const appsModeSchema = z.enum(['compiled', 'source']).default('compiled');
export type AppsMode = z.infer<typeof appsModeSchema>;

export function appsMode(env: NodeJS.ProcessEnv = process.env): AppsMode {
  const parsed = appsModeSchema.safeParse(env.SHOPSTREAM_APPS === '' ? undefined : env.SHOPSTREAM_APPS);
  if (!parsed.success)
    throw new StackError(`SHOPSTREAM_APPS must be "compiled" or "source", not "${env.SHOPSTREAM_APPS}"`);
  return parsed.data;
}

/** The telemetry preload every app imports first (packages/service-defaults/telemetry.mjs). */
export const TELEMETRY_PRELOAD = '@shopstream/service-defaults/telemetry';
/** The command form apps.yaml uses for a TypeScript app: `node --import tsx --import <preload> <entry>.ts`. */
export const SOURCE_COMMAND_PREFIX = ['node', '--import', 'tsx', '--import', TELEMETRY_PRELOAD] as const;

/** Where the bundles go: `.build/` beside the app's package.json (git-ignored). */
export const BUILD_DIR = '.build';
const telemetryBundle = join(repoRoot, BUILD_DIR, 'apps', 'telemetry.mjs');

export interface CompilableApp {
  readonly appID: string;
  readonly appDirPath: string;
  readonly command: readonly string[];
}

/** The entry file of an app in the source command form, or undefined for any other command (left as it is). */
export function sourceEntry(app: CompilableApp): string | undefined {
  const { command } = app;
  const prefix = SOURCE_COMMAND_PREFIX;
  const matches = command.length === prefix.length + 1 && prefix.every((part, i) => command[i] === part);
  const entry = command[prefix.length];
  return matches && entry !== undefined && /\.[cm]?ts$/.test(entry) ? entry : undefined;
}

export const bundlePath = (app: CompilableApp): string =>
  join(repoRoot, app.appDirPath, BUILD_DIR, `${app.appID}.mjs`);

/** The command that runs the app's bundle, or the app's own command when it is not in the source form. */
export function compiledCommand(app: CompilableApp): string[] {
  if (sourceEntry(app) === undefined) return [...app.command];
  return ['node', '--enable-source-maps', '--import', telemetryBundle, bundlePath(app)];
}

const isBuiltin = (spec: string) =>
  spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? spec);

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export const packageName = (spec: string): string =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');

/** The folder Node would load package `name` from, looking up from `dir` (undefined when it is not there). */
export function packageDirFrom(dir: string, name: string): string | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(at) === at) return undefined;
  }
}

/**
 * Keeps npm packages external, and fails the build when a package would load from another folder in the bundle
 * than in the source (a workspace with its own nested copy of a dependency): two copies of one library in one
 * process is a bug that a bundle must not introduce silently.
 */
function externalPackages(outDir: string): Plugin {
  const checked = new Map<string, string>();
  return {
    name: 'shopstream-external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith('@shopstream/')) return undefined;
        if (isBuiltin(args.path)) return { path: args.path, external: true };
        const name = packageName(args.path);
        const fromSource = packageDirFrom(args.resolveDir, name);
        const fromBundle = checked.get(name) ?? packageDirFrom(outDir, name);
        if (fromBundle !== undefined) checked.set(name, fromBundle);
        if (fromSource !== fromBundle)
          return {
            errors: [
              {
                text:
                  `${name} resolves to ${fromSource ?? 'nothing'} from ${relative(repoRoot, args.importer)} but to ` +
                  `${fromBundle ?? 'nothing'} from the bundle in ${relative(repoRoot, outDir)}: make the ` +
                  `workspaces share one version (npm dedupe) or run this app from source (SHOPSTREAM_APPS=source)`,
              },
            ],
          };
        return { path: args.path, external: true };
      });
    },
  };
}

/** `import.meta.url` keeps meaning the source file (migrations, workflow paths and assets are found beside it). */
/**
 * Spelled in pieces: this file is bundled too (into Tilt's runner), and the plugin would rewrite a literal
 * `import.meta.url` in its own search and replace strings.
 */
const META_URL = ['import', 'meta', 'url'].join('.');

const sourceFileUrls: Plugin = {
  name: 'shopstream-source-file-urls',
  setup(b) {
    b.onLoad({ filter: /\.[cm]?[jt]s$/ }, (args) => {
      if (args.path.includes('/node_modules/')) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(META_URL)) return undefined;
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const loader = /\.[cm]?ts$/.test(args.path) ? 'ts' : 'js';
      return { contents: text.replaceAll(META_URL, url), loader };
    });
  },
};

/** Writes a file only when its bytes changed, through a rename so a reader never sees half of it. */
function writeIfChanged(path: string, bytes: Uint8Array): boolean {
  if (existsSync(path) && Buffer.from(readFileSync(path)).equals(Buffer.from(bytes))) return false;
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return true;
}

/**
 * Bundles one entry file the way the apps are bundled (house code inlined, npm packages imported, source maps,
 * `import.meta.url` of the source); writes only on change and says whether it did.
 */
export async function bundle(entry: string, outfile: string): Promise<boolean> {
  const outDir = dirname(outfile);
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    write: false,
    logLevel: 'silent',
    // Conditions of the workspace packages' exports (they point at TypeScript sources).
    conditions: ['import', 'node'],
    plugins: [externalPackages(outDir), sourceFileUrls],
  }).catch(
    (err: Error & { errors?: { text: string; location?: { file: string; line: number } | null }[] }) => {
      const first = err.errors?.[0];
      const where = first?.location ? ` (${first.location.file}:${first.location.line})` : '';
      throw new StackError(
        `bundling ${relative(repoRoot, entry)} failed: ${first?.text ?? err.message}${where}`,
      );
    },
  );
  let changed = false;
  for (const file of result.outputFiles) changed = writeIfChanged(file.path, file.contents) || changed;
  return changed;
}

let telemetryBuild: Promise<boolean> | undefined;

/**
 * Builds the shared telemetry preload before each start, like the apps (so a restart after an edit of the
 * telemetry code loads the new one); apps that start together share one build in flight.
 */
const buildTelemetry = () =>
  (telemetryBuild ??= bundle(
    join(repoRoot, 'packages', 'service-defaults', 'telemetry.mjs'),
    telemetryBundle,
  ).finally(() => {
    telemetryBuild = undefined;
  }));

export interface CompileResult {
  readonly appID: string;
  readonly bundle: string;
  readonly changed: boolean;
  readonly ms: number;
}

/** Bundles the apps in the source command form (others are skipped) and the telemetry preload they import. */
export async function compileApps(apps: readonly CompilableApp[]): Promise<CompileResult[]> {
  const compilable = apps.filter((app) => sourceEntry(app) !== undefined);
  if (compilable.length === 0) return [];
  await buildTelemetry();
  return Promise.all(
    compilable.map(async (app) => {
      const started = performance.now();
      const entry = join(repoRoot, app.appDirPath, sourceEntry(app) as string);
      const changed = await bundle(entry, bundlePath(app));
      return { appID: app.appID, bundle: bundlePath(app), changed, ms: performance.now() - started };
    }),
  );
}
