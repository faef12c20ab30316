import type { ICustomPartitioner } from 'kafkajs';

/** 32-bit FNV-1a over the key's bytes. */
function fnv1a32(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** The partition Dapr's Kafka component (sarama's hash partitioner) picks for `key` among `partitions`. */
export function daprPartitionFor(key: Buffer | string, partitions: number): number {
  const bytes = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  // sarama: int32(hash) % n, negated when negative (Go's % keeps the dividend's sign, as JavaScript's does).
  return Math.abs((fnv1a32(bytes) | 0) % partitions);
}

/**
 * A kafkajs partitioner that places a keyed message where Dapr's Kafka component would: sarama's FNV-1a hash,
 * not kafkajs' default (murmur2, like the Java client). With it, an aggregate's events keep one partition,
 * and so their order, whether a Dapr sidecar or a kafkajs producer (clickstream) published them
 * (adr/0012). Messages without a key go round-robin.
 */
export const daprKeyPartitioner: ICustomPartitioner = () => {
  let next = 0;
  return ({ partitionMetadata, message }) => {
    const count = partitionMetadata.length;
    if (message.key === null || message.key === undefined) return next++ % count;
    return daprPartitionFor(message.key, count);
  };
};
