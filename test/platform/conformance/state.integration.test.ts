import { randomUUID } from 'node:crypto';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { kvTable } from '../../../tools/stack/layout.js';
import { ports, sidecar, sleep } from '@shopstream/testing/stack';

const APP = 'conformance';

async function save(
  store: string,
  items: {
    key: string;
    value: unknown;
    etag?: string;
    metadata?: Record<string, string>;
    options?: object;
  }[],
) {
  return sidecar(APP, `/v1.0/state/${store}`, { method: 'POST', body: JSON.stringify(items) });
}
async function get(store: string, key: string) {
  const res = await sidecar(APP, `/v1.0/state/${store}/${encodeURIComponent(key)}`);
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    body: res.status === 200 ? await res.json() : null,
  };
}

describe.each(['kvstore', 'actorstore'])('state conformance: %s', (store) => {
  it('saves, reads and deletes by component name', async () => {
    const key = `conf-${randomUUID()}`;
    expect((await save(store, [{ key, value: { n: 1 } }])).status).toBe(204);
    expect((await get(store, key)).body).toEqual({ n: 1 });
    expect((await sidecar(APP, `/v1.0/state/${store}/${key}`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(store, key)).status).toBe(204);
  });

  it('refuses a write with a stale ETag (optimistic concurrency)', async () => {
    const key = `conf-${randomUUID()}`;
    await save(store, [{ key, value: 'v1' }]);
    const first = await get(store, key);
    expect(first.etag).toBeTruthy();
    expect(
      (await save(store, [{ key, value: 'v2', etag: first.etag!, options: { concurrency: 'first-write' } }]))
        .status,
    ).toBe(204);
    const stale = await save(store, [
      { key, value: 'v3', etag: first.etag!, options: { concurrency: 'first-write' } },
    ]);
    expect(stale.status).toBe(409);
    expect((await get(store, key)).body).toBe('v2');
  });
});

describe('state conformance: TTL on kvstore', () => {
  it('treats an expired item as absent on read, although DynamoDB still holds it', async () => {
    const key = `conf-ttl-${randomUUID()}`;
    await save('kvstore', [{ key, value: 'short-lived', metadata: { ttlInSeconds: '2' } }]);
    expect((await get('kvstore', key)).body).toBe('short-lived');
    await sleep(3500);
    expect((await get('kvstore', key)).status).toBe(204);
    // The item is still in the table (DynamoDB/moto purge lazily): the read-side check is what hides it.
    const ddb = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${ports.moto}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const raw = await ddb.send(
      new GetItemCommand({ TableName: kvTable, Key: { key: { S: `conformance||${key}` } } }),
    );
    ddb.destroy();
    expect(raw.Item).toBeDefined();
  });
});
