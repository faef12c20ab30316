import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';
import {
  appsMode,
  bundle,
  bundlePath,
  compileApps,
  compiledCommand,
  packageName,
  SOURCE_COMMAND_PREFIX,
  sourceEntry,
} from './compile-apps.js';

const sourceApp = (entry = 'src/main.ts') => ({
  appID: 'demo',
  appDirPath: 'services/demo',
  command: [...SOURCE_COMMAND_PREFIX, entry],
});

describe('which apps are compiled', () => {
  it('compiles the TypeScript source form and leaves every other command alone', () => {
    expect(sourceEntry(sourceApp())).toBe('src/main.ts');
    expect(sourceEntry(sourceApp('src/worker-main.mts'))).toBe('src/worker-main.mts');
    expect(sourceEntry({ ...sourceApp(), command: ['node', 'src/main.js'] })).toBeUndefined();
    expect(
      sourceEntry({ ...sourceApp(), command: ['node', '--import', 'tsx', 'src/main.ts'] }),
    ).toBeUndefined();
    expect(sourceEntry({ ...sourceApp(), command: [...SOURCE_COMMAND_PREFIX, 'main.py'] })).toBeUndefined();
    expect(compiledCommand({ ...sourceApp(), command: ['python3', 'x.py'] })).toEqual(['python3', 'x.py']);
  });

  it('runs the bundle with source maps and the bundled telemetry preload, no TypeScript loader', () => {
    const command = compiledCommand(sourceApp());
    expect(command.slice(0, 3)).toEqual(['node', '--enable-source-maps', '--import']);
    expect(command).not.toContain('tsx');
    expect(command[3]).toMatch(/\/\.build\/apps\/telemetry\.mjs$/);
    expect(command[4]).toBe(join(repoRoot, 'services/demo/.build/demo.mjs'));
  });

  it('reads SHOPSTREAM_APPS once: compiled by default, source on request, anything else refused', () => {
    expect(appsMode({})).toBe('compiled');
    expect(appsMode({ SHOPSTREAM_APPS: '' })).toBe('compiled');
    expect(appsMode({ SHOPSTREAM_APPS: 'source' })).toBe('source');
    expect(() => appsMode({ SHOPSTREAM_APPS: 'tsx' })).toThrow(
      /SHOPSTREAM_APPS must be "compiled" or "source", not "tsx"/,
    );
  });

  it('names the package of a bare import', () => {
    expect(packageName('@opentelemetry/api/build/x')).toBe('@opentelemetry/api');
    expect(packageName('zod/v4')).toBe('zod');
  });
});

describe('bundling a real app', () => {
  let dir = '';
  let app: { appID: string; appDirPath: string; command: string[] };
  const mainFile = () => join(dir, 'src', 'main.ts');
  const writeMain = (greeting: string) =>
    writeFileSync(
      mainFile(),
      [
        "import { z } from 'zod';",
        "import { idempotencyKeySchema } from '@shopstream/service-defaults';",
        "import { here } from './here.js';",
        `const parsed = z.object({ n: z.number() }).parse({ n: 1 });`,
        `console.log(JSON.stringify({ greeting: ${JSON.stringify(greeting)}, n: parsed.n, here, key: idempotencyKeySchema.safeParse('').success }));`,
        '',
      ].join('\n'),
    );

  beforeAll(() => {
    dir = mkdtempSync(join(repoRoot, 'tools', 'stack', '.compile-test-'));
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'here.ts'), 'export const here: string = import.meta.url;\n');
    writeMain('hello');
    app = {
      appID: 'demo-app',
      appDirPath: relative(repoRoot, dir),
      command: [...SOURCE_COMMAND_PREFIX, 'src/main.ts'],
    };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('inlines the house code, keeps npm packages as imports, and runs under plain node', async () => {
    const [result] = await compileApps([app]);
    expect(result).toMatchObject({ appID: 'demo-app', changed: true, bundle: bundlePath(app) });
    const code = readFileSync(bundlePath(app), 'utf8');
    expect(code).toMatch(/from "zod"/);
    expect(code).not.toMatch(/from "@shopstream\//);
    const out = JSON.parse(execFileSync('node', [bundlePath(app)], { cwd: dir, encoding: 'utf8' })) as Record<
      string,
      unknown
    >;
    // import.meta.url still names the source file, so files found beside it (migrations, workflows) are found.
    expect(out).toEqual({
      greeting: 'hello',
      n: 1,
      here: pathToFileURL(join(dir, 'src', 'here.ts')).href,
      key: false,
    });
  });

  it('writes the bundle only when it changed, and picks up an edit', async () => {
    expect((await compileApps([app]))[0]?.changed).toBe(false);
    writeMain('edited');
    expect((await compileApps([app]))[0]?.changed).toBe(true);
    expect(execFileSync('node', [bundlePath(app)], { cwd: dir, encoding: 'utf8' })).toMatch(
      /"greeting":"edited"/,
    );
  });

  it('works the same when this compiler is itself bundled (Tilt runs it from its bundled runner)', async () => {
    const compiler = join(dir, 'compiler.mjs');
    await bundle(join(repoRoot, 'tools', 'stack', 'compile-apps.ts'), compiler);
    const bundled = (await import(compiler)) as { bundle: typeof bundle };
    const out = join(dir, 'via-bundled.mjs');
    await bundled.bundle(mainFile(), out);
    expect(execFileSync('node', [out], { cwd: dir, encoding: 'utf8' })).toContain(
      JSON.stringify(pathToFileURL(join(dir, 'src', 'here.ts')).href),
    );
  });

  it('fails naming the package when the bundle would load another copy of it than the source', async () => {
    mkdirSync(join(dir, 'lib', 'node_modules', 'nested-only'), { recursive: true });
    writeFileSync(join(dir, 'lib', 'node_modules', 'nested-only', 'package.json'), '{"name":"nested-only"}');
    writeFileSync(join(dir, 'lib', 'use.ts'), "export { x } from 'nested-only';\n");
    writeFileSync(join(dir, 'src', 'main.ts'), "import { x } from '../lib/use.js';\nconsole.log(x);\n");
    await expect(compileApps([app])).rejects.toThrow(
      /nested-only resolves to .*lib\/node_modules\/nested-only .* but to nothing from the bundle/,
    );
  });
});
