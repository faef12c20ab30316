import { describe, expect, it } from 'vitest';
import { daprKeyPartitioner, daprPartitionFor } from './dapr-key-partitioner.js';

const partitionsOf = (count: number) =>
  Array.from({ length: count }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    partitionErrorCode: 0,
    replicas: [1],
    isr: [1],
  }));

/** [key, partitions, partition] as sarama v1.48.1 (Dapr 1.18's Kafka client) computes them. */
const fromSarama: [string, number, number][] = [
  ['user-42', 3, 0],
  ['order-1', 3, 1],
  ['product:7f3c', 3, 0],
  ['k1', 3, 1],
  ['k2', 3, 1],
  ['k3', 3, 2],
  ['tenant-a:cart:u-9', 3, 2],
  ['', 3, 0],
  ['ü-ñ', 3, 1],
  ['user-42', 6, 3],
  ['order-1', 6, 1],
  ['product:7f3c', 6, 3],
  ['k1', 6, 1],
  ['k2', 6, 4],
  ['k3', 6, 5],
  ['tenant-a:cart:u-9', 6, 2],
  ['', 6, 3],
  ['ü-ñ', 6, 1],
];

describe('daprKeyPartitioner', () => {
  it.each(fromSarama)('puts key %j among %i partitions where Dapr does (%i)', (key, partitions, expected) => {
    expect(daprPartitionFor(key, partitions)).toBe(expected);
    const partitionMetadata = partitionsOf(partitions);
    expect(daprKeyPartitioner()({ topic: 't', partitionMetadata, message: { key, value: 'v' } })).toBe(
      expected,
    );
  });

  it('spreads messages without a key over every partition', () => {
    const partition = daprKeyPartitioner();
    const partitionMetadata = partitionsOf(3);
    const seen = new Set(
      Array.from({ length: 6 }, () => partition({ topic: 't', partitionMetadata, message: { value: 'v' } })),
    );
    expect(seen).toEqual(new Set([0, 1, 2]));
  });
});
