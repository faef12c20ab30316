import type { Pool } from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CloudEvent } from '../events/cloud-event.js';
import { enqueueEvent } from './enqueue-event.js';
import { outboxMigrationSql } from './outbox-sql.js';
import { startOutboxRelay, type OutboxPublish, type OutboxRelayOptions } from './outbox-relay.js';
import { runMigrations } from './run-migrations.js';
import { createTestDatabase, silentLogger, type TestDatabase } from '@shopstream/testing/database';
import { withTenant } from './with-tenant.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(20);
  }
}

interface Call {
  topic: string;
  event: CloudEvent;
  relay: string;
}

function recorder(
  relay: string,
  calls: Call[],
  before?: (event: CloudEvent) => Promise<void>,
): OutboxPublish {
  return async (topic, event) => {
    await before?.(event);
    calls.push({ topic, event, relay });
  };
}

const newEvent = (n: number, tenantId = 'tenant-a') => ({
  type: 'shopstream.test.v1.ThingChanged',
  source: 'outbox-test',
  tenantId,
  subject: `thing-${n}`,
  data: { n },
});

describe('transactional outbox and relay (real Postgres)', () => {
  let db: TestDatabase;
  let pool: Pool;
  const relays: { stop(): Promise<void> }[] = [];
  const relay = (options: Omit<OutboxRelayOptions, 'pool' | 'logger'>) => {
    const started = startOutboxRelay({ pool, logger: silentLogger, ...options });
    relays.push(started);
    return started;
  };
  const published = async () =>
    (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NOT NULL'))
      .rows[0]?.n ?? 0;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = db.pool({ max: 8 });
    await runMigrations(pool, {
      logger: silentLogger,
      extraMigrations: [{ file: '0001_outbox.sql', sql: outboxMigrationSql() }],
    });
  });
  beforeEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await pool.query('DELETE FROM outbox');
  });
  afterAll(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await db?.drop();
  });

  it('publishes each committed event exactly once, in order, with its stored id (woken by NOTIFY)', async () => {
    const calls: Call[] = [];
    relay({ publish: recorder('r1', calls), pollIntervalMs: 60_000 }); // only a notification can wake it in time
    await sleep(200); // LISTEN established, first (empty) pass done
    const enqueued: CloudEvent[] = [];
    for (let n = 0; n < 20; n++) {
      enqueued.push(
        await withTenant(pool, 'tenant-a', (c) =>
          enqueueEvent(c, { topic: 'thing.events', event: newEvent(n) }),
        ),
      );
    }
    await waitUntil(async () => (await published()) === 20, 5_000);
    expect(calls.map((c) => c.event.id)).toEqual(enqueued.map((e) => e.id));
    expect(calls.every((c) => c.topic === 'thing.events')).toBe(true);
    expect(calls[3]?.event).toMatchObject({
      specversion: '1.0',
      id: enqueued[3]?.id,
      tenantid: 'tenant-a',
      subject: 'thing-3',
      data: { n: 3 },
    });
    await sleep(300);
    expect(calls).toHaveLength(20);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const calls: Call[] = [];
    relay({ publish: recorder('r1', calls), pollIntervalMs: 50 });
    let rolledBack: CloudEvent | undefined;
    await expect(
      withTenant(pool, 'tenant-a', async (c) => {
        rolledBack = await enqueueEvent(c, { topic: 'thing.events', event: newEvent(1) });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const committed = await withTenant(pool, 'tenant-a', (c) =>
      enqueueEvent(c, { topic: 'thing.events', event: newEvent(2) }),
    );
    await waitUntil(() => calls.some((c) => c.event.id === committed.id));
    await sleep(300);
    expect(calls.map((c) => c.event.id)).toEqual([committed.id]);
    expect((await pool.query('SELECT 1 FROM outbox WHERE id = $1', [rolledBack?.id])).rowCount).toBe(0);
  });

  it('retries a failing publish with backoff until it succeeds', async () => {
    const calls: Call[] = [];
    let failures = 0;
    relay({
      publish: recorder('r1', calls, (event) => {
        if (event.subject === 'thing-7' && failures < 2) {
          failures++;
          return Promise.reject(new Error(`broker unavailable (${failures})`));
        }
        return Promise.resolve();
      }),
      pollIntervalMs: 50,
      backoff: { baseMs: 100, maxMs: 200 },
    });
    const event = await withTenant(pool, 'tenant-a', (c) =>
      enqueueEvent(c, { topic: 'thing.events', event: newEvent(7) }),
    );
    await waitUntil(async () => (await published()) === 1); // marked in the pass that published it
    expect(calls).toHaveLength(1);
    expect(failures).toBe(2);
    const row = await pool.query(
      'SELECT attempts, last_error, published_at IS NOT NULL AS done FROM outbox WHERE id = $1',
      [event.id],
    );
    expect(row.rows[0]).toEqual({ attempts: 2, last_error: 'broker unavailable (2)', done: true });
  });

  it('lets two relays share the work without publishing a row twice', async () => {
    await withTenant(pool, 'tenant-b', async (c) => {
      for (let n = 0; n < 200; n++)
        await enqueueEvent(c, { topic: 'thing.events', event: newEvent(n, 'tenant-b') });
    });
    const calls: Call[] = [];
    const slow = () => sleep(2);
    relay({ publish: recorder('r1', calls, slow), batchSize: 10, pollIntervalMs: 50 });
    relay({ publish: recorder('r2', calls, slow), batchSize: 10, pollIntervalMs: 50 });
    await waitUntil(async () => (await published()) === 200, 20_000);
    await sleep(300);
    const ids = calls.map((c) => c.event.id);
    expect(ids).toHaveLength(200);
    expect(new Set(ids).size).toBe(200);
    expect(new Set(calls.map((c) => c.relay))).toEqual(new Set(['r1', 'r2'])); // both took part
  });

  it('stop() finishes the current pass: every published row is marked', async () => {
    await withTenant(pool, 'tenant-a', async (c) => {
      for (let n = 0; n < 30; n++) await enqueueEvent(c, { topic: 'thing.events', event: newEvent(n) });
    });
    const calls: Call[] = [];
    const started = relay({
      publish: recorder('r1', calls, () => sleep(10)),
      batchSize: 10,
      pollIntervalMs: 50,
    });
    await waitUntil(() => calls.length >= 3);
    await started.stop();
    const count = calls.length;
    await sleep(200);
    expect(calls).toHaveLength(count);
    expect(await published()).toBe(count);
  });

  it("refuses an event for another tenant than the transaction's", async () => {
    await expect(
      withTenant(pool, 'tenant-a', (c) =>
        enqueueEvent(c, { topic: 'thing.events', event: newEvent(1, 'tenant-b') }),
      ),
    ).rejects.toThrow(/another tenant/);
    expect((await pool.query('SELECT 1 FROM outbox')).rowCount).toBe(0);
  });
});
