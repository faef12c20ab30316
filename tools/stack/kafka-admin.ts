import type { Admin } from 'kafkajs';
import { ports } from './ports.js';
import { tcpOpen } from './probes.js';
import type { KafkaTopic } from './topics.js';

/** kafkajs is loaded on first use: the local profile (no Kafka) must not pay for it at start-up. */
async function client(retries: number) {
  const { Kafka, logLevel } = await import('kafkajs');
  return new Kafka({
    clientId: 'shopstream-supervisor',
    brokers: [`127.0.0.1:${ports.kafka}`],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 1000,
    requestTimeout: 5000,
    retry: { retries },
  });
}

async function withAdmin<T>(retries: number, fn: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = (await client(retries)).admin();
  try {
    await admin.connect();
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** Ready = the broker answers a metadata request and lists itself (a KRaft broker is fenced until then). */
export async function kafkaReady(): Promise<boolean> {
  if (!(await tcpOpen(ports.kafka))) return false;
  return withAdmin(0, async (admin) => (await admin.describeCluster()).brokers.length > 0).catch(() => false);
}

/**
 * Creates the declared topics that do not exist yet and adds partitions where the declaration grew (Kafka
 * cannot remove partitions; a shrunk declaration keeps the existing ones). Then asks for a consumer group's
 * offsets once, which makes the broker create its offsets topic now rather than when the first sidecar joins.
 */
export async function ensureTopics(topics: KafkaTopic[]): Promise<void> {
  await withAdmin(5, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({ topic: t.name, numPartitions: t.partitions, replicationFactor: 1 })),
      });
    }
    const kept = topics.filter((t) => existing.has(t.name));
    if (kept.length > 0) {
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics: kept.map((t) => t.name) });
      const grow = kept.filter(
        (t) => (metadata.find((m) => m.name === t.name)?.partitions.length ?? t.partitions) < t.partitions,
      );
      if (grow.length > 0)
        await admin.createPartitions({
          topicPartitions: grow.map((t) => ({ topic: t.name, count: t.partitions })),
        });
    }
    // Best effort: right after a restart the coordinator may still be loading (NOT_COORDINATOR); the
    // sidecars' clients retry that themselves.
    const first = topics[0];
    if (first)
      await admin
        .fetchOffsets({ groupId: 'shopstream-supervisor', topics: [first.name] })
        .catch(() => undefined);
  });
}
