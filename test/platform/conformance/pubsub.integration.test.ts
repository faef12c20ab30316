import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { stackControl } from '../../../tools/stack/control.js';
import { eventually, invoke } from '@shopstream/testing/stack';
import { profile, promises } from './profile.js';
import { bulkPublish, publishOne } from './publish.js';

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

  it('keeps order per partition key (bulk publish of 150)', async ({ skip }) => {
    skip(!promises.orderedPerKey, `${promises.backend} promises no order per partition key`);
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

  it(
    promises.retryHoldsBackKey
      ? 'retries a failing message in place: the later messages of its key wait, order kept'
      : 'retries a failing message beside the others: later messages of its key overtake it',
    async () => {
      const run = randomUUID();
      const partitionKey = `hold-${run}`;
      // Published one by one, in order: the first fails twice before it succeeds.
      for (let seq = 0; seq < 20; seq++) {
        const sent = await publishOne('conformance.delivery', {
          run,
          seq,
          partitionKey,
          failTimes: seq === 0 ? 2 : 0,
        });
        expect(sent.status).toBe(204);
      }
      const final = await eventually(
        () => stats(run, [partitionKey]),
        (s) => s.processed === 20,
        30_000,
        '20 processed messages',
      );
      expect(final.failuresInjected).toBe(2);
      const order = final.order[partitionKey] ?? [];
      expect([...order].sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
      if (promises.retryHoldsBackKey) expect(order).toEqual([...Array(20).keys()]);
      else expect(order.indexOf(0)).toBeGreaterThan(0);
    },
  );

  it('delivers what was published while the consumer was down once it is back', async () => {
    const run = randomUUID();
    await stackControl.stop(['conformance', 'conformance-dapr']);
    try {
      // Published through another app's sidecar while the subscriber and its sidecar are stopped.
      await bulkPublish(
        'conformance.delivery',
        Array.from({ length: 50 }, (_, seq) => ({ run, seq })),
        'skeleton-caller',
      );
    } finally {
      await stackControl.start(['conformance', 'conformance-dapr']);
    }
    const final = await eventually(
      () => stats(run),
      (s) => s.processed === 50,
      60_000,
      'the 50 messages published while the consumer was down',
    );
    expect(Object.keys(final.effects)).toHaveLength(50);
  });
});
