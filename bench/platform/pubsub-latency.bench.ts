import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { Kafka, logLevel } from 'kafkajs';
import { DeliveryLedger } from '@shopstream/skeleton-conformance';
import { cloudEventSchema } from '@shopstream/service-defaults';
import { cloudEventMessage, daprKeyPartitioner } from '@shopstream/service-defaults/kafka';
import { bulkPublish, conformanceEvent, publishOne } from '../../test/platform/conformance/publish.js';
import { ports } from '@shopstream/testing/stack';
import { summarize, timed, writeResult, type Summary } from '../stats.js';

const TOPIC = 'conformance.latency';

/** What one stack's `pubsub` measured: per-message publish → handler latency, and the publish call itself. */
export interface PubsubLatency {
  backend: string;
  /** One message at a time, the next after the previous was handled (ms). */
  single: number[];
  /** Sidecar publish API call of one message, until acknowledged (ms). */
  singleCall: number[];
  /** Every message of `batches` bulk publishes of `batchSize` each, from the bulk call's start (ms). */
  bulk: number[];
  /** Sidecar bulk publish API call of `batchSize` messages (ms). */
  bulkCall: number[];
}

/** The same single-message loop with kafkajs instead of a sidecar (Kafka only): the broker's own cost. */
export interface KafkajsLatency {
  /** producer.send of one message until acknowledged (acks = all, as Dapr's producer) (ms). */
  call: number[];
  /** kafkajs send → the Dapr subscriber's handler (ms). */
  handled: number[];
}

/**
 * Publish → handler latency on the running stack, through the `conformance` app's sidecar (the HTTP publish
 * API an app's Dapr client calls) to its own handler, which records `now - sentAt` (one machine, one clock).
 * Closed loop: each single message, and each bulk batch, is sent after the previous one was handled, so the
 * numbers are latency, not queueing behind earlier load.
 */
export async function measurePubsubLatency(
  backend: string,
  { single = 300, batches = 10, batchSize = 100 } = {},
): Promise<PubsubLatency> {
  const redis = new Redis(`redis://127.0.0.1:${ports.redis}`);
  const ledger = new DeliveryLedger(redis);
  const run = randomUUID();
  const handled = async () => {
    const ms = await ledger.nextLatency(run, 15);
    if (ms === null) throw new Error(`${backend}: a message was not handled within 15 s`);
    return ms;
  };
  const out: PubsubLatency = { backend, single: [], singleCall: [], bulk: [], bulkCall: [] };
  try {
    for (let seq = 0; seq < 30; seq++) {
      await publishOne(TOPIC, { run, seq, sentAt: Date.now() });
      await handled(); // warm-up: connections, JIT, consumer group settled
    }
    for (let seq = 0; seq < single; seq++) {
      const sentAt = Date.now();
      const call = await publishOne(TOPIC, { run, seq, sentAt });
      if (call.status !== 204) throw new Error(`${backend}: publish → ${call.status}`);
      out.singleCall.push(call.ms);
      out.single.push(await handled());
    }
    for (let b = 0; b < batches; b++) {
      const sentAt = Date.now();
      const messages = Array.from({ length: batchSize }, (_, i) => ({ run, seq: b * batchSize + i, sentAt }));
      out.bulkCall.push(await timed(() => bulkPublish(TOPIC, messages)));
      for (let i = 0; i < batchSize; i++) out.bulk.push(await handled());
    }
  } finally {
    redis.disconnect();
  }
  return out;
}

/** Sends one CloudEvent at a time with kafkajs to the topic the Dapr subscriber records latencies from. */
export async function measureKafkajsLatency(n = 300): Promise<KafkajsLatency> {
  const redis = new Redis(`redis://127.0.0.1:${ports.redis}`);
  const ledger = new DeliveryLedger(redis);
  const kafka = new Kafka({ brokers: [`127.0.0.1:${ports.kafka}`], logLevel: logLevel.NOTHING });
  const producer = kafka.producer({ createPartitioner: daprKeyPartitioner });
  const run = randomUUID();
  const out: KafkajsLatency = { call: [], handled: [] };
  try {
    await producer.connect();
    for (let seq = -30; seq < n; seq++) {
      const event = cloudEventSchema.parse(conformanceEvent(randomUUID(), { run, seq, sentAt: Date.now() }));
      const call = await timed(() =>
        producer.send({ topic: TOPIC, acks: -1, messages: [cloudEventMessage(event)] }),
      );
      const ms = await ledger.nextLatency(run, 15);
      if (ms === null) throw new Error('kafkajs: a message was not handled within 15 s');
      if (seq < 0) continue; // warm-up
      out.call.push(call);
      out.handled.push(ms);
    }
  } finally {
    await producer.disconnect();
    redis.disconnect();
  }
  return out;
}

const named = (name: string, samples: number[]): Summary & { name: string } => ({
  name,
  ...summarize(samples),
});

/** Writes the Kafka results with the Redis Streams ones (same run) as their baselines. */
export function writePubsubResults(
  redis: PubsubLatency,
  kafka: PubsubLatency,
  kafkajs: KafkajsLatency,
): void {
  const why =
    "Dapr's Kafka component publishes through sarama's SyncProducer: one produce request per message, " +
    'acks=all (WaitForAll), no batching (Flush.Frequency/Messages 0), and the HTTP call returns only after the ' +
    "broker's acknowledgement; a bulk publish is one SendMessages batch instead.";
  writeResult({
    name: 'pubsub-latency-single-kafka',
    unit: 'ms',
    target: null,
    ...summarize(kafka.single),
    baseline: named('pubsub-latency-single-redis-streams', redis.single),
    notes: `publish → handler, one message at a time through the conformance app's sidecar. ${why}`,
  });
  writeResult({
    name: 'pubsub-publish-call-single-kafka',
    unit: 'ms',
    target: null,
    ...summarize(kafka.singleCall),
    baseline: named('pubsub-publish-call-single-redis-streams', redis.singleCall),
    notes: `sidecar publish API call until the broker acknowledged one message. ${why}`,
  });
  writeResult({
    name: 'pubsub-latency-bulk-kafka',
    unit: 'ms',
    target: null,
    ...summarize(kafka.bulk),
    baseline: named('pubsub-latency-bulk-redis-streams', redis.bulk),
    notes:
      'publish → handler of every message of a 100-entry bulk publish, from the start of the bulk call (so a ' +
      'message waits for those before it on its partition/stream). Redis Streams has no bulk API: the sidecar ' +
      'publishes the entries one by one, up to 100 at a time; Kafka sends them as one batch.',
  });
  writeResult({
    name: 'pubsub-publish-call-bulk100-kafka',
    unit: 'ms',
    target: null,
    ...summarize(kafka.bulkCall),
    baseline: named('pubsub-publish-call-bulk100-redis-streams', redis.bulkCall),
    notes: 'sidecar bulk publish API call of 100 messages until all were acknowledged',
  });
  writeResult({
    name: 'kafka-produce-call-single-kafkajs',
    unit: 'ms',
    target: null,
    ...summarize(kafkajs.call),
    baseline: named('pubsub-publish-call-single-kafka', kafka.singleCall),
    notes:
      'one message produced with kafkajs (acks=all) until the broker acknowledged it, vs the same through the ' +
      "sidecar's publish API: the difference is the Dapr path (HTTP API, resiliency, sarama's SyncProducer).",
  });
  writeResult({
    name: 'kafka-latency-single-kafkajs-to-dapr',
    unit: 'ms',
    target: null,
    ...summarize(kafkajs.handled),
    baseline: named('pubsub-latency-single-kafka', kafka.single),
    notes:
      'kafkajs produce → the Dapr subscriber (conformance app) handler, vs a sidecar publish → same handler',
  });
}
