import { randomUUID } from 'node:crypto';
import { sidecar } from '@shopstream/testing/stack';

export interface ConformanceMessage {
  run: string;
  seq: number;
  failEvery?: number;
  failTimes?: number;
  poison?: boolean;
  partitionKey?: string;
  sentAt?: number;
}

/** The structured CloudEvent every conformance message travels in. */
export const conformanceEvent = (id: string, data: ConformanceMessage) => ({
  specversion: '1.0',
  id,
  source: 'conformance-test',
  type: 'shopstream.test.v1.Conformance',
  tenantid: 'tenant-conf',
  ...(data.partitionKey === undefined ? {} : { subject: data.partitionKey }),
  data,
});

/**
 * Publishes one message through the conformance app's sidecar, as an app's Dapr client does (same HTTP API),
 * keyed by its partitionKey. Resolves with the sidecar's answer: 204 = acknowledged by the broker.
 */
export async function publishOne(
  topic: string,
  data: ConformanceMessage,
  timeoutMs = 60_000,
): Promise<{ id: string; status: number; ms: number }> {
  const id = randomUUID();
  const started = Date.now();
  const query =
    data.partitionKey === undefined ? '' : `?metadata.partitionKey=${encodeURIComponent(data.partitionKey)}`;
  const res = await sidecar('conformance', `/v1.0/publish/pubsub/${topic}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json' },
    body: JSON.stringify(conformanceEvent(id, data)),
    signal: AbortSignal.timeout(timeoutMs),
  }).catch(() => ({ status: 0, text: () => Promise.resolve('') }));
  await res.text();
  return { id, status: res.status, ms: Date.now() - started };
}

/** Publishes through an app's sidecar (the conformance app's unless told) with the bulk API, 100 per request. */
export async function bulkPublish(
  topic: string,
  messages: ConformanceMessage[],
  via = 'conformance',
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < messages.length; i += 100) {
    const entries = messages.slice(i, i + 100).map((data) => {
      const id = randomUUID();
      ids.push(id);
      return {
        entryId: id,
        contentType: 'application/cloudevents+json',
        event: conformanceEvent(id, data),
        ...(data.partitionKey === undefined ? {} : { metadata: { partitionKey: data.partitionKey } }),
      };
    });
    const res = await sidecar(via, `/v1.0-alpha1/publish/bulk/pubsub/${topic}`, {
      method: 'POST',
      body: JSON.stringify(entries),
    });
    if (res.status !== 204 && res.status !== 200)
      throw new Error(`bulk publish → ${res.status} ${await res.text()}`);
    const body = await res.text();
    if (body && (JSON.parse(body) as { failedEntries?: unknown[] }).failedEntries?.length) {
      throw new Error(`bulk publish had failed entries: ${body}`);
    }
  }
  return ids;
}
