import { randomUUID } from 'node:crypto';
import { sidecar } from '../../support/stack.js';

export interface ConformanceMessage {
  run: string;
  seq: number;
  failEvery?: number;
  poison?: boolean;
  partitionKey?: string;
}

/** Publishes through the conformance app's sidecar with the bulk API, as CloudEvents, 100 per request. */
export async function bulkPublish(topic: string, messages: ConformanceMessage[]): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < messages.length; i += 100) {
    const entries = messages.slice(i, i + 100).map((data) => {
      const id = randomUUID();
      ids.push(id);
      return {
        entryId: id,
        contentType: 'application/cloudevents+json',
        event: {
          specversion: '1.0',
          id,
          source: 'conformance-test',
          type: 'shopstream.test.v1.Conformance',
          tenantid: 'tenant-conf',
          data,
        },
        ...(data.partitionKey === undefined ? {} : { metadata: { partitionKey: data.partitionKey } }),
      };
    });
    const res = await sidecar('conformance', `/v1.0-alpha1/publish/bulk/pubsub/${topic}`, {
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
