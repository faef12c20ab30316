import { afterEach, describe, expect, it, vi } from 'vitest';
import { expandTargets, planSteps } from './plan.mjs';

const ids = (targets: string[]) => planSteps(expandTargets(targets)).map((s) => s.id);
const debianLabel = (targets: string[]) =>
  planSteps(expandTargets(targets)).find((s) => s.id === 'debian')?.label;

describe('what each command builds', () => {
  it('npm start builds the local stack only: no Tilt, no Kafka jars, no Chromium, no Java', () => {
    const start = ids(['start']);
    for (const id of [
      'go:dapr',
      'go:jaeger',
      'go:versitygw',
      'pypi:temporal',
      'pypi:moto',
      'pypi:localstripe',
    ])
      expect(start).toContain(id);
    for (const id of ['npm', 'proto', 'web']) expect(start).toContain(id);
    for (const id of ['go:tilt', 'maven:kafka', 'go:temporal']) expect(start).not.toContain(id);
    expect(debianLabel(['start'])).toBe(
      'Debian packages (postgresql, redis, prometheus, promtool, alertmanager)',
    );
  });

  it('--profile full adds the Kafka jars with Java and Maven', () => {
    expect(ids(['full'])).toContain('maven:kafka');
    expect(debianLabel(['full'])).toBe(
      'Debian packages (postgresql, redis, java, maven, prometheus, promtool, alertmanager)',
    );
  });

  it('Tilt is built for npm run tilt (with gcc for its cgo) and for npm test, and waits for apt', () => {
    expect(ids(['tilt'])).toContain('go:tilt');
    expect(debianLabel(['tilt'])).toContain('gcc');
    expect(planSteps(expandTargets(['tilt'])).find((s) => s.id === 'go:tilt')?.deps).toContain('debian');
    expect(ids(['test'])).toEqual(expect.arrayContaining(['go:tilt', 'maven:kafka', 'web']));
  });

  it('the browser tests need Chromium and the npm packages, none of the servers', () => {
    expect(ids(['browser'])).toEqual(['debian', 'npm', 'proto']);
    expect(debianLabel(['browser'])).toBe('Debian packages (chromium)');
  });

  it('refuses an unknown target, naming the known ones', () => {
    expect(() => expandTargets(['strat'])).toThrow(/unknown bootstrap target "strat" \(one of: start, full/);
  });

  it('puts every compile on the CPU lane and every download on the network lane', () => {
    for (const s of planSteps(expandTargets(['test']))) {
      if (s.id.startsWith('go:') && !s.id.endsWith(':modules')) expect(s.lane, s.id).toBe('cpu');
      if (/^(pypi|maven):|^npm$|^debian$|:modules$/.test(s.id)) expect(s.lane, s.id).toBe('net');
    }
  });
});

describe('SHOPSTREAM_FROM_SOURCE', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('builds the Temporal CLI from the Go module proxy instead of installing the wheel', async () => {
    vi.stubEnv('SHOPSTREAM_FROM_SOURCE', 'temporal');
    vi.resetModules();
    const plan = await import('./plan.mjs');
    const paths = await import('../paths.mjs');
    const start = plan.planSteps(plan.expandTargets(['start'])).map((s) => s.id);
    expect(start).toContain('go:temporal');
    expect(start).not.toContain('pypi:temporal');
    expect(paths.toolBin('temporal')).toMatch(/tools\/temporal\/1\.5\.1\/bin\/temporal$/);
  });

  it('uses the hash-pinned wheel by default', async () => {
    const paths = await import('../paths.mjs');
    expect(paths.toolBin('temporal')).toMatch(/tools\/temporal\/1\.5\.1-pypi\/venv\/bin\/temporal$/);
  });
});
