/**
 * What each profile's `pubsub` promises, as checked by this suite (and summarised in the README). The local
 * profile runs Redis Streams with `concurrency: 10`: no ordering promise. The full profile (Kafka, issue 6)
 * adds itself here with ordering per partition key.
 */
export const pubsubPromises = {
  local: { backend: 'Redis Streams', orderedPerKey: false, deadLetters: true, bulkPublish: true },
} as const;

export const profile = (process.env.SHOPSTREAM_PROFILE ?? 'local') as keyof typeof pubsubPromises;
export const promises = pubsubPromises[profile];
