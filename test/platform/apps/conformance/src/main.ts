import { Redis } from 'ioredis';
import { z } from 'zod';
import {
  baseConfigSchema,
  createDaprServer,
  jsonRoute,
  runService,
  subscribeEvents,
} from '@shopstream/service-defaults';
import { DeliveryLedger } from './delivery-ledger.js';

const configSchema = baseConfigSchema.extend({ REDIS_URL: z.string().url() });

/** Payload of conformance messages. */
const message = z.object({
  run: z.string().min(1),
  seq: z.number().int(),
  /** Every failEvery-th handler call of the run fails. */
  failEvery: z.number().int().min(0).default(0),
  /** The first failTimes deliveries of this message fail. */
  failTimes: z.number().int().min(0).default(0),
  poison: z.boolean().default(false),
  partitionKey: z.string().optional(),
  /** Epoch ms at publish (latency topic). */
  sentAt: z.number().optional(),
});

/**
 * conformance: a subscriber that behaves like a real idempotent consumer under injected failures, used by
 * test/platform/conformance to check what the `pubsub` component of a profile promises.
 */
await runService({
  configSchema,
  start: async ({ config, logger, readiness, onShutdown }) => {
    const redis = new Redis(config.REDIS_URL, { lazyConnect: true });
    await redis.connect();
    onShutdown('redis', async () => void (await redis.quit()));
    const ledger = new DeliveryLedger(redis);
    const server = createDaprServer({ config, logger, readiness });
    subscribeEvents(server, logger, [
      {
        pubsubName: 'pubsub',
        topic: 'conformance.delivery',
        deadLetterTopic: 'conformance.dead',
        handler: async (event) => {
          const m = message.parse(event.data);
          if (await ledger.shouldFail(m.run, m.failEvery)) throw new Error(`injected failure (seq ${m.seq})`);
          if (await ledger.failFirst(m.run, event.id, m.failTimes))
            throw new Error(`injected failure (seq ${m.seq})`);
          if (m.poison) return 'DROP';
          if (m.partitionKey !== undefined) await ledger.appendOrdered(m.run, m.partitionKey, m.seq);
          await ledger.process(m.run, event.id, m.seq);
          return 'SUCCESS';
        },
      },
      {
        // Events written to Kafka by kafkajs producers (full profile) as well as through Dapr.
        pubsubName: 'pubsub',
        topic: 'conformance.kafkajs',
        handler: async (event) => {
          const m = message.parse(event.data);
          if (m.partitionKey !== undefined) await ledger.appendOrdered(m.run, m.partitionKey, m.seq);
          await ledger.process(m.run, event.id, m.seq);
        },
      },
      {
        // Publish → handler latency (npm run bench).
        pubsubName: 'pubsub',
        topic: 'conformance.latency',
        handler: async (event) => {
          const m = message.parse(event.data);
          if (m.sentAt !== undefined) await ledger.recordLatency(m.run, Date.now() - m.sentAt);
        },
      },
      {
        pubsubName: 'pubsub',
        topic: 'conformance.dead',
        handler: async (event) => {
          await ledger.recordDeadLetter(message.parse(event.data).run, event.id);
        },
      },
    ]);
    jsonRoute(server, 'get', '/runs/:run', ({ params, query }) =>
      ledger.stats(params.run ?? '', typeof query.keys === 'string' ? query.keys.split(',') : []),
    );
    await server.start();
    onShutdown('dapr-server', () => server.stop());
  },
});
