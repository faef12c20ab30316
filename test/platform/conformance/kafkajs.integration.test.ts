import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudEventMessage, daprKeyPartitioner, daprPartitionFor } from '@shopstream/service-defaults/kafka';
import { cloudEventSchema } from '@shopstream/service-defaults';
import { eventually, invoke, ports } from '@shopstream/testing/stack';
import { profile, promises } from './profile.js';
import { bulkPublish, conformanceEvent, type ConformanceMessage } from './publish.js';

const TOPIC = 'conformance.kafkajs';
const PARTITIONS = 3; // test/platform/topics.yaml

interface Received {
  seq: number;
  key: string;
  partition: number;
}

const kafka = new Kafka({
  clientId: 'conformance-test',
  brokers: [`127.0.0.1:${ports.kafka}`],
  logLevel: logLevel.NOTHING,
});

/** Joins consumer group `groupId`, collects the messages of `run` until there are `count`, and leaves. */
async function consume(groupId: string, run: string, count: number, timeoutMs = 45_000): Promise<Received[]> {
  const consumer = kafka.consumer({ groupId });
  const got: Received[] = [];
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${groupId}: ${got.length} of ${count} messages within ${timeoutMs} ms`)),
        timeoutMs,
      );
      void consumer.run({
        eachMessage: ({ partition, message }) => {
          const event = cloudEventSchema.parse(JSON.parse(message.value?.toString() ?? 'null'));
          const data = event.data as ConformanceMessage;
          if (data.run === run) got.push({ seq: data.seq, key: message.key?.toString() ?? '', partition });
          if (got.length >= count) {
            clearTimeout(timer);
            resolve();
          }
          return Promise.resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect(); // commits the offsets it consumed
  }
  return got;
}

const produce = (producer: Producer, messages: ConformanceMessage[]) =>
  producer.send({
    topic: TOPIC,
    messages: messages.map((m) =>
      cloudEventMessage(cloudEventSchema.parse(conformanceEvent(randomUUID(), m))),
    ),
  });

const seqsByKey = (received: Received[]) => {
  const out: Record<string, number[]> = {};
  for (const r of received) (out[r.key] ??= []).push(r.seq);
  return out;
};

describe.runIf(promises.kafkaClients)(
  `kafkajs on the ${profile} profile's ${promises.backend} (only where the broker speaks Kafka)`,
  () => {
    let producer: Producer;
    beforeAll(async () => {
      producer = kafka.producer({ createPartitioner: daprKeyPartitioner });
      await producer.connect();
    });
    afterAll(() => producer.disconnect());

    it('produce + consumer-group round trip: 300 keyed messages once each in key order; the group resumes after its committed offsets', async () => {
      const run = randomUUID();
      const keys = Array.from({ length: 10 }, (_, i) => `aggregate-${i}`);
      const batch = (from: number, to: number) =>
        keys.flatMap((partitionKey) =>
          Array.from({ length: to - from }, (_, i) => ({ run, seq: from + i, partitionKey })),
        );
      await produce(producer, batch(0, 30));
      const group = `conformance-kafkajs-${run}`;
      const first = await consume(group, run, 300);
      expect(first).toHaveLength(300);
      for (const k of keys) expect(seqsByKey(first)[k]).toEqual([...Array(30).keys()]);

      // The group left with its offsets committed: a new member reads only what was produced since.
      await produce(producer, batch(30, 33));
      const resumed = await consume(group, run, 30);
      for (const k of keys) expect(seqsByKey(resumed)[k]).toEqual([30, 31, 32]);
    });

    it('interoperates with Dapr on one topic: same partition per key from either producer, each side reads the other in key order', async () => {
      const run = randomUUID();
      const keys = ['user-42', 'order-1', 'product:7f3c', 'k3'];
      const seqs = (from: number, to: number) =>
        keys.flatMap((partitionKey) =>
          Array.from({ length: to - from }, (_, i) => ({ run, seq: from + i, partitionKey })),
        );
      await bulkPublish(TOPIC, seqs(0, 5)); // through the conformance app's sidecar, keyed by partitionKey
      await produce(producer, seqs(5, 10)); // straight to Kafka with kafkajs

      const seen = await consume(`conformance-interop-${run}`, run, 40);
      for (const r of seen) expect(r.partition, r.key).toBe(daprPartitionFor(r.key, PARTITIONS));
      for (const k of keys) expect(seqsByKey(seen)[k]).toEqual([...Array(10).keys()]);

      // The Dapr subscriber (conformance app) got the kafkajs CloudEvents like any other, in key order.
      const dapr = await eventually(
        () =>
          invoke<{ processed: number; order: Record<string, number[]> }>(
            'conformance',
            'conformance',
            `runs/${run}?keys=${keys.map(encodeURIComponent).join(',')}`,
          ).then((r) => r.body),
        (s) => s.processed === 40,
        30_000,
        'the Dapr subscriber to process all 40',
      );
      for (const k of keys) expect(dapr.order[k]).toEqual([...Array(10).keys()]);
    });
  },
);
