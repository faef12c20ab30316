import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

process.env.SHOPSTREAM_DATA = mkdtempSync(join(tmpdir(), 'shopstream-tilt-spec-test-'));
const { tiltSpec } = await import('./tilt-spec.js');
const { stackProcesses } = await import('./stack.js');

// The Tilt phase of `npm test` runs the examples profile (its smoke test pings the walking skeleton).
process.env.SHOPSTREAM_EXAMPLES = '1';
const spec = tiltSpec('local');
delete process.env.SHOPSTREAM_EXAMPLES;
const productSpec = tiltSpec('local');
const byName = (name: string) => {
  const resource = spec.resources.find((r) => r.name === name);
  if (!resource) throw new Error(`no resource ${name}`);
  return resource;
};

describe('tiltSpec', () => {
  it('runs every process of `npm start` in exactly one resource, each app with its sidecar', () => {
    const processes = stackProcesses({ profile: 'local', dapr: { resourcesPath: '', configPath: '' } });
    const inResources = productSpec.resources.flatMap((r) => r.processes);
    expect([...inResources].sort()).toEqual(processes.map((p) => p.name).sort());
    expect(byName('identity').processes).toEqual(['identity', 'identity-dapr']);
    expect(byName('postgres').processes).toEqual(['postgres']);
  });

  it('starts apps after the infrastructure, one after another in the order of dapr/apps.yaml', () => {
    const infra = spec.resources.filter((r) => r.labels.includes('infra')).map((r) => r.name);
    expect(byName('identity').resourceDeps).toEqual(infra);
    expect(byName('identity-sessions').resourceDeps).toEqual([...infra, 'identity']);
    // The examples start after the product (after its last app in dapr/apps.yaml).
    const lastProductApp = productSpec.resources.filter((r) => !r.labels.includes('infra')).at(-1)?.name;
    expect(lastProductApp).toBe('orders-worker');
    expect(byName('skeleton-callee').resourceDeps).toEqual([...infra, lastProductApp]);
    expect(byName('skeleton-worker').resourceDeps).toEqual([...infra, 'skeleton-callee']);
  });

  it('runs the walking skeleton only in the examples profile', () => {
    const names = productSpec.resources.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['identity', 'catalog', 'web']));
    expect(names.filter((n) => n.startsWith('skeleton-') || n === 'conformance')).toEqual([]);
  });

  it('restarts an app only for edits in the workspace packages it runs', () => {
    const callee = byName('skeleton-callee').deps;
    expect(callee).toEqual(expect.arrayContaining(['test/platform/apps/callee', 'packages/proto']));
    expect(callee.some((d) => d.startsWith('actors/') || d.startsWith('services/'))).toBe(false);
    expect(byName('skeleton-caller').deps).toEqual(
      expect.arrayContaining(['actors/counter', 'test/platform/apps/worker', 'packages/service-defaults']),
    );
    expect(byName('identity-sessions').deps).toEqual(
      expect.arrayContaining(['services/identity', 'actors/session', 'components/local', 'dapr/config.yaml']),
    );
    expect(byName('identity').deps).not.toContain('actors/counter');
  });

  it('labels resources by domain', () => {
    expect(byName('redis').labels).toEqual(['infra']);
    expect(byName('skeleton-worker').labels).toEqual(['platform']);
    expect(byName('identity-sessions').labels).toEqual(['identity']);
  });
});
