import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CounterSnapshot } from '@shopstream/actor-counter';
import { stackControl } from '../../tools/stack/control.js';
import { eventually, sidecar, sleep } from '@shopstream/testing/stack';

const HOST = 'skeleton-caller';

async function call<T>(actorId: string, method: string, body?: unknown): Promise<T> {
  const res = await sidecar(HOST, `/v1.0/actors/CounterActor/${actorId}/method/${method}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${method} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const restartHost = () => stackControl.restart([HOST, `${HOST}-dapr`]);

describe('CounterActor through the sidecar', () => {
  it('keeps its state across a restart of its app and sidecar', async () => {
    const id = `tenant-a:${randomUUID()}`;
    expect(await call<number>(id, 'increment', { by: 2 })).toBe(2);
    expect(await call<number>(id, 'increment', { by: 3 })).toBe(5);
    await restartHost();
    const after = await eventually(
      () => call<CounterSnapshot>(id, 'get'),
      () => true,
      30_000,
      'actor after restart',
    );
    expect(after.count).toBe(5);
  });

  it('serialises concurrent calls to one actor (turn-based): 20 parallel increments, no lost update', async () => {
    const id = `tenant-a:${randomUUID()}`;
    await Promise.all(Array.from({ length: 20 }, () => call<number>(id, 'increment', { by: 1 })));
    expect((await call<CounterSnapshot>(id, 'get')).count).toBe(20);
  });

  it('runs a timer while active', async () => {
    const id = `tenant-a:${randomUUID()}`;
    await call(id, 'startTicking', { periodMs: 200 });
    const snap = await eventually(
      () => call<CounterSnapshot>(id, 'get'),
      (s) => s.ticks >= 3,
      10_000,
      '3 ticks',
    );
    await call(id, 'stopTicking');
    expect(snap.ticks).toBeGreaterThanOrEqual(3);
  });

  it('fires a reminder that was scheduled before a restart of its app and sidecar', async () => {
    const id = `tenant-a:${randomUUID()}`;
    await call(id, 'scheduleReminder', { dueMs: 4000 });
    await restartHost();
    const snap = await eventually(
      () => call<CounterSnapshot>(id, 'get'),
      (s) => s.remindersFired === 1,
      40_000,
      'reminder to fire after restart',
    );
    expect(snap.lastReminderAt).not.toBeNull();
    await sleep(2000);
    expect((await call<CounterSnapshot>(id, 'get')).remindersFired).toBe(1); // one-shot
  });

  it('rejects bad input with an error instead of corrupting state', async () => {
    const id = `tenant-a:${randomUUID()}`;
    await expect(call(id, 'increment', { by: -4 })).rejects.toThrow(/Counter.InvalidIncrement|by/);
    expect((await call<CounterSnapshot>(id, 'get')).count).toBe(0);
  });
});
