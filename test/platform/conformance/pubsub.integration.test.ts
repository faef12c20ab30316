import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually, invoke } from '../../support/stack.js';
import { profile, promises } from './profile.js';
import { bulkPublish } from './publish.js';

interface RunStats {
  calls: number;
  failuresInjected: number;
  processed: number;
  duplicates: number;
  effects: Record<string, number>;
  deadLetters: string[];
  order: Record<string, number[]>;
}

const stats = (run: string, keys: string[] = []) =>
  invoke<RunStats>(
    'conformance',
    'conformance',
    `runs/${run}${keys.length ? `?keys=${keys.join(',')}` : ''}`,
  ).then((r) => r.body);

describe(`pubsub conformance (${profile}: ${promises.backend})`, () => {
  it('at-least-once with an idempotent consumer: 1,000 messages, every 100th call fails, each processed exactly once within 60 s', async () => {
    const run = randomUUID();
    const started = Date.now();
    await bulkPublish(
      'conformance.delivery',
      Array.from({ length: 1000 }, (_, seq) => ({ run, seq, failEvery: 100 })),
    );
    const final = await eventually(
      () => stats(run),
      (s) => s.processed >= 1000,
      60_000,
      '1,000 processed messages',
    );
    const seconds = (Date.now() - started) / 1000;
    expect(final.processed).toBe(1000);
    expect(Object.keys(final.effects)).toHaveLength(1000);
    expect(Object.values(final.effects).every((n) => n === 1)).toBe(true);
    // Failures really happened and were redelivered (otherwise this test proves nothing).
    expect(final.failuresInjected).toBeGreaterThanOrEqual(9);
    expect(final.calls).toBeGreaterThanOrEqual(1000 + final.failuresInjected);
    expect(seconds).toBeLessThan(60);
  });

  it('sends a poison message to the dead-letter topic without processing it', async () => {
    const run = randomUUID();
    const [poisonId] = await bulkPublish('conformance.delivery', [{ run, seq: 1, poison: true }]);
    await bulkPublish('conformance.delivery', [{ run, seq: 2 }]);
    const final = await eventually(
      () => stats(run),
      (s) => s.deadLetters.length === 1 && s.processed === 1,
      30_000,
      'the poison message in the dead-letter topic',
    );
    expect(final.deadLetters).toEqual([poisonId]);
    expect(final.effects).toEqual({ '2': 1 });
  });

  it.runIf(promises.orderedPerKey)('keeps order per partition key', async () => {
    const run = randomUUID();
    const keys = ['k1', 'k2', 'k3'];
    await bulkPublish(
      'conformance.delivery',
      keys.flatMap((partitionKey) => Array.from({ length: 50 }, (_, seq) => ({ run, seq, partitionKey }))),
    );
    const final = await eventually(
      () => stats(run, keys),
      (s) => s.processed === 150,
      30_000,
      '150 ordered messages',
    );
    for (const k of keys) expect(final.order[k]).toEqual([...Array(50).keys()]);
  });
});
