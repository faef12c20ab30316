import { z } from 'zod';
import { profiles } from '../../../tools/stack/dapr-resources.js';

/**
 * What each profile's `pubsub` promises. The suite runs against both profiles (`npm test` starts one stack
 * per profile and sets SHOPSTREAM_PROFILE) and checks each row; where a backend does not promise something,
 * the test either checks the opposite behaviour or is skipped, so its output shows where they differ. The
 * README's table is this one.
 */
export interface PubsubPromises {
  backend: string;
  /** Every message is handled at least once; an idempotent consumer processes each exactly once. */
  atLeastOnce: true;
  /** Poison messages (DROP, or retries exhausted) land on the subscription's dead-letter topic. */
  deadLetters: true;
  /** Messages published while a consumer was down reach it when it is back. */
  catchUpAfterConsumerRestart: true;
  /** Messages with the same partition key are handled in publish order. */
  orderedPerKey: boolean;
  /**
   * A failing message is retried in place, holding back the later messages of its partition until it
   * succeeds or is dead-lettered; otherwise later messages overtake it while it is retried.
   */
  retryHoldsBackKey: boolean;
  /** `native`: one broker request, entries in order; `emulated`: the sidecar publishes each entry, concurrently. */
  bulkPublish: 'native' | 'emulated';
  /** Producers and consumers can use the broker directly with kafkajs, interoperating with Dapr. */
  kafkaClients: boolean;
}

export const pubsubPromises: Record<(typeof profiles)[number], PubsubPromises> = {
  local: {
    backend: 'Redis Streams',
    atLeastOnce: true,
    deadLetters: true,
    catchUpAfterConsumerRestart: true,
    orderedPerKey: false,
    retryHoldsBackKey: false,
    bulkPublish: 'emulated',
    kafkaClients: false,
  },
  full: {
    backend: 'Kafka 4 (KRaft)',
    atLeastOnce: true,
    deadLetters: true,
    catchUpAfterConsumerRestart: true,
    orderedPerKey: true,
    retryHoldsBackKey: true,
    bulkPublish: 'native',
    kafkaClients: true,
  },
};

export const profile = z.enum(profiles).parse(process.env.SHOPSTREAM_PROFILE ?? 'local');
export const promises = pubsubPromises[profile];
