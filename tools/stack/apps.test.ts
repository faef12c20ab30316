import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../paths.mjs';
import { appProcesses, checkPortBlocks, readAppsFile } from './apps.js';
import { ports } from './ports.js';
import { TEST_APPS_FILE } from './test-apps.js';

const productFile = join(repoRoot, 'dapr', 'apps.yaml');
const testAppsFile = TEST_APPS_FILE;
const dapr = { resourcesPath: '/r', configPath: '/c' };

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** dapr/apps.yaml with `extra` appended, as another branch would add its app. */
function productWith(extra: string): string {
  dir = mkdtempSync(join(tmpdir(), 'apps-'));
  const file = join(dir, 'apps.yaml');
  writeFileSync(file, readFileSync(productFile, 'utf8') + extra);
  return file;
}

const appended = (id: string, block = '') =>
  `  - appID: ${id}\n    appDirPath: services/${id}\n    appProtocol: grpc\n${block}    command: [node, src/main.ts]\n`;

const portOf = (file: string, appId: string) =>
  appProcesses(readAppsFile(file), dapr).find((p) => p.name === appId)?.ports?.app;

describe('port blocks', () => {
  it('keeps the product apps on the ports they had (web at appBase + 60 = 19060 unshifted)', () => {
    const blocks = Object.fromEntries(readAppsFile(productFile).map((a) => [a.appID, a.portBlock]));
    expect(blocks).toEqual({
      identity: 3,
      'identity-sessions': 4,
      catalog: 5,
      web: 6,
      orders: 7,
      'orders-cart': 8,
      payments: 9,
      'orders-worker': 10,
    });
    expect(portOf(productFile, 'web')).toBe(ports.appBase + 60);
  });

  it('gives appended apps the next blocks, moving nobody', () => {
    // Two services still to come, appended after the last app of today (orders-worker, block 10).
    const file = productWith(appended('search') + appended('feed'));
    expect(portOf(file, 'search')).toBe(ports.appBase + 110);
    expect(portOf(file, 'feed')).toBe(ports.appBase + 120);
    expect(portOf(file, 'web')).toBe(ports.appBase + 60);
    expect(portOf(file, 'payments')).toBe(ports.appBase + 90);
  });

  it('runs the test apps beside the product and appended apps without a clash', () => {
    const file = productWith(appended('search') + appended('feed'));
    expect(() => checkPortBlocks([...readAppsFile(file), ...readAppsFile(testAppsFile)])).not.toThrow();
    const skeleton = readAppsFile(testAppsFile).find((a) => a.appID === 'skeleton-caller');
    expect(skeleton?.portBlock).toBe(2);
  });

  it('fails loudly when two apps claim one block, naming both and their files', () => {
    const file = productWith(appended('orders', '    portBlock: 5\n'));
    expect(() => appProcesses(readAppsFile(file), dapr)).toThrow(
      /port block 5 .* claimed by catalog \(.*apps\.yaml\) and orders \(.*apps\.yaml\)/,
    );
  });
});

describe('after: and compiled apps', () => {
  it('makes an app wait for the apps it names, and refuses a name that is not in the stack', () => {
    const specs = appProcesses(readAppsFile(productFile), dapr, 'compiled');
    expect(specs.find((s) => s.name === 'identity-sessions')?.dependsOn).toEqual(['identity']);
    expect(specs.find((s) => s.name === 'catalog')?.dependsOn).toEqual([]);
    const file = productWith(appended('lonely', '    after: [no-such-app]\n'));
    expect(() => appProcesses(readAppsFile(file), dapr)).toThrow(
      /lonely: `after: no-such-app` names no other app/,
    );
  });

  it('runs an app in the source form from its bundle (rebuilt before it starts) unless SHOPSTREAM_APPS=source', () => {
    const compiled = appProcesses(readAppsFile(productFile), dapr, 'compiled').find(
      (s) => s.name === 'catalog',
    );
    expect(compiled?.args).toContain('--enable-source-maps');
    expect(compiled?.args.at(-1)).toMatch(/services\/catalog\/\.build\/catalog\.mjs$/);
    expect(compiled?.prepare).toBeTypeOf('function');
    const source = appProcesses(readAppsFile(productFile), dapr, 'source').find((s) => s.name === 'catalog');
    expect(source?.args).toEqual([
      '--import',
      'tsx',
      '--import',
      '@shopstream/service-defaults/telemetry',
      'src/main.ts',
    ]);
    expect(source?.prepare).toBeUndefined();
    // The web app keeps tsx: Next's server loads workspace TypeScript at run time.
    const web = appProcesses(readAppsFile(productFile), dapr, 'compiled').find((s) => s.name === 'web');
    expect(web?.args.slice(0, 2)).toEqual(['--import', 'tsx']);
    const other = appProcesses(readAppsFile(productWith(appended('plain'))), dapr, 'compiled').find(
      (s) => s.name === 'plain',
    );
    expect(other?.args).toEqual(['src/main.ts']);
  });
});
