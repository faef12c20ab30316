import { describe, expect, it } from 'vitest';
import { startAll, startParallel, type StartStep } from './start-order.js';

const step = (name: string, infra: boolean, dependsOn: string[] = []): StartStep => ({
  name,
  infra,
  dependsOn,
});
const sidecar = (app: string): StartStep => ({
  name: `${app}-dapr`,
  infra: false,
  dependsOn: [],
  alongside: app,
});

/** A fake start that takes `ms[name]` (default 20 ms) and records when each start began, ended and overlapped. */
function recorder(ms: Record<string, number> = {}, fail: string[] = []) {
  const events: string[] = [];
  let now = 0;
  let peak = 0;
  const start = async (name: string) => {
    now++;
    peak = Math.max(peak, now);
    events.push(`+${name}`);
    await new Promise((r) => setTimeout(r, ms[name] ?? 20));
    now--;
    events.push(`-${name}`);
    if (fail.includes(name)) throw new Error(`${name} failed`);
  };
  return { events, start, peak: () => peak };
}

const before = (events: string[], a: string, b: string) => events.indexOf(a) < events.indexOf(b);

describe('start order', () => {
  it('starts every app only after all infrastructure is ready, and an app after what it names', async () => {
    const r = recorder({ postgres: 60 });
    const steps = [
      step('postgres', true),
      step('redis', true),
      step('identity', false),
      sidecar('identity'),
      step('sessions', false, ['identity']),
      step('catalog', false),
    ];
    await startAll(steps, r.start, 3);
    for (const app of ['identity', 'sessions', 'catalog', 'identity-dapr'])
      for (const infra of ['postgres', 'redis']) expect(before(r.events, `-${infra}`, `+${app}`)).toBe(true);
    expect(before(r.events, '-identity', '+sessions')).toBe(true);
    expect(before(r.events, '+identity', '+identity-dapr')).toBe(true);
    expect(r.events.filter((e) => e.startsWith('-'))).toHaveLength(6);
  });

  it('never has more than `parallel` starts under way, and does use them', async () => {
    const apps = Array.from({ length: 8 }, (_, i) => step(`app-${i}`, false));
    const three = recorder();
    await startAll(apps, three.start, 3);
    expect(three.peak()).toBe(3);
    const one = recorder();
    await startAll(apps, one.start, 1);
    expect(one.peak()).toBe(1);
    expect(one.events.slice(0, 4)).toEqual(['+app-0', '-app-0', '+app-1', '-app-1']);
  });

  it('starts a sidecar together with its app, outside the limit, and never before its app', async () => {
    const r = recorder({ a: 60, b: 60, 'a-dapr': 10, 'b-dapr': 10 });
    const steps = [step('a', false), sidecar('a'), step('b', false), sidecar('b'), step('c', false)];
    await startAll(steps, r.start, 2);
    // a, its sidecar, b and its sidecar start at once (the limit is 2: sidecars are not counted) …
    expect(r.events.slice(0, 4)).toEqual(['+a', '+a-dapr', '+b', '+b-dapr']);
    // … and c waits for an app's slot, not for a sidecar.
    expect(before(r.events, '-a', '+c')).toBe(true);
    expect(r.peak()).toBe(4);
  });

  it('starts nothing new after a failure, lets the ones under way finish, and throws the first error', async () => {
    const r = recorder({ slow: 80, bad: 10 }, ['bad']);
    const steps = [
      step('slow', false),
      step('bad', false),
      step('after-bad', false, ['bad']),
      step('later', false),
    ];
    await expect(startAll(steps, r.start, 2)).rejects.toThrow('bad failed');
    expect(r.events).toContain('-slow');
    expect(r.events).not.toContain('+after-bad');
    expect(r.events).not.toContain('+later');
  });

  it('reads SHOPSTREAM_START_PARALLEL: 3 by default, 1–16, anything else refused', () => {
    expect(startParallel({})).toBe(3);
    expect(startParallel({ SHOPSTREAM_START_PARALLEL: '1' })).toBe(1);
    expect(() => startParallel({ SHOPSTREAM_START_PARALLEL: '0' })).toThrow(
      /whole number from 1 to 16, not "0"/,
    );
    expect(() => startParallel({ SHOPSTREAM_START_PARALLEL: 'many' })).toThrow(/not "many"/);
  });
});
