import { randomUUID } from 'node:crypto';
import { sidecar } from '@shopstream/testing/stack';
import { summarize, timed, writeResult } from '../stats.js';

const call = (id: string, method: string, body: unknown) =>
  sidecar('skeleton-caller', `/v1.0/actors/CounterActor/${id}/method/${method}`, {
    method: 'POST',
    body: JSON.stringify(body),
  }).then(async (res) => {
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`actor call → ${res.status}`);
  });

/**
 * CounterActor.increment through the sidecar: first call on a new id (placement lookup + activation + state
 * read) vs a call on an already-active actor. Dapr's published activation figures: p50 2.3 ms, p99 6.9 ms.
 */
export async function benchActors(n = 500): Promise<void> {
  const warm = `bench:${randomUUID()}`;
  for (let i = 0; i < 50; i++) await call(warm, 'increment', { by: 1 });
  const fresh: number[] = [];
  const active: number[] = [];
  for (let i = 0; i < n; i++) {
    fresh.push(await timed(() => call(`bench:${randomUUID()}`, 'increment', { by: 1 })));
    active.push(await timed(() => call(warm, 'increment', { by: 1 })));
  }
  const f = summarize(fresh);
  writeResult({
    name: 'actor-call-new-actor',
    unit: 'ms',
    target: null,
    ...f,
    baseline: { name: 'actor-call-active-actor', ...summarize(active) },
    notes: 'increment = one actor turn with a state read and a state write to Redis (actorstore)',
  });
}
