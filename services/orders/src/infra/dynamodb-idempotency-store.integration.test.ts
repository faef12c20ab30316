import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kvTable } from '../../../../tools/stack/layout.js';
import { ports } from '../../../../tools/stack/ports.js';
import { createKvTable } from '../../../../tools/stack/provision.js';
import { dynamoIdempotencyStore } from './dynamodb-idempotency-store.js';

/** The idempotency store against the stack's DynamoDB API (moto) and its `kvstore` table. */
describe('DynamoDB idempotency store', () => {
  let client: DynamoDBClient;
  const key = () => `test|${randomUUID()}`;
  const storeWith = (ttlMs: number, leaseMs = 30_000) =>
    dynamoIdempotencyStore({ client, table: kvTable, ttlMs, leaseMs });

  beforeAll(async () => {
    await createKvTable(); // already there in the test stack; needed when moto runs alone
    client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${ports.moto}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });

  afterAll(() => client.destroy());

  it('lets the first of 20 concurrent writers win; the others see it in progress', async () => {
    const store = storeWith(60_000);
    const k = key();
    const claims = await Promise.all(Array.from({ length: 20 }, () => store.claim(k, 'fp-1')));
    expect(claims.filter((c) => c.kind === 'claimed')).toHaveLength(1);
    expect(claims.filter((c) => c.kind === 'in-progress')).toHaveLength(19);
  });

  it('replays the first answer for the same request, refuses another request', async () => {
    const store = storeWith(60_000);
    const k = key();
    const claim = await store.claim(k, 'fp-1');
    if (claim.kind !== 'claimed') throw new Error(`expected a claim, got ${claim.kind}`);
    await store.complete(k, claim.claimId, { answer: 42 });
    expect(await store.claim(k, 'fp-1')).toEqual({ kind: 'replay', response: { answer: 42 } });
    expect(await store.claim(k, 'fp-2')).toEqual({ kind: 'mismatch' });
  });

  it('treats an expired key as absent, although the item is still in the table', async () => {
    const store = storeWith(1_500);
    const k = key();
    const claim = await store.claim(k, 'fp-1');
    if (claim.kind !== 'claimed') throw new Error('expected a claim');
    await store.complete(k, claim.claimId, { answer: 1 });
    expect((await store.claim(k, 'fp-2')).kind).toBe('mismatch');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await store.claim(k, 'fp-2')).kind).toBe('claimed');
  });

  it('frees a released claim, and lets another call take over a claim whose lease ran out', async () => {
    const store = storeWith(60_000, 500);
    const released = key();
    const first = await store.claim(released, 'fp-1');
    if (first.kind !== 'claimed') throw new Error('expected a claim');
    await store.release(released, first.claimId);
    expect((await store.claim(released, 'fp-1')).kind).toBe('claimed');

    const abandoned = key();
    const dead = await store.claim(abandoned, 'fp-1');
    expect((await store.claim(abandoned, 'fp-1')).kind).toBe('in-progress');
    await new Promise((resolve) => setTimeout(resolve, 700));
    const taken = await store.claim(abandoned, 'fp-1');
    expect(taken.kind).toBe('claimed');
    // The dead holder can no longer complete: its answer would overwrite the new holder's.
    if (dead.kind !== 'claimed') throw new Error('expected a claim');
    await expect(store.complete(abandoned, dead.claimId, { late: true })).rejects.toThrow();
  });
});
