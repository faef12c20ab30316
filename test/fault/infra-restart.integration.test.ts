import { randomBytes, randomUUID } from 'node:crypto';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import type { CounterSnapshot } from '@shopstream/actor-counter';
import { stackControl } from '../../tools/stack/control.js';
import { mediaBucket } from '../../tools/stack/layout.js';
import { ports } from '../../tools/stack/ports.js';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { eventually, invoke, newTraceparent, sidecar } from '@shopstream/testing/stack';
import { profile } from '../platform/conformance/profile.js';
import { publishOne } from '../platform/conformance/publish.js';
import { actorCall, s3Client } from '../restart/restart-clients.js';

/**
 * Each infrastructure server restarted alone under the running stack (issue 12 §3): the apps recover by
 * themselves — nobody restarts an app — within RECOVERY_MS, and the time each one took is printed (the
 * README's "what a restart costs" table comes from these lines). Runs on both profiles (Kafka on full only).
 */
const RECOVERY_MS = 60_000;
const recovered: { server: string; seconds: number; probe: string }[] = [];

const counter = (id: string, method: string, body?: unknown) =>
  actorCall<CounterSnapshot & number>('skeleton-caller', 'CounterActor', id, method, body);

async function restartAndTime(server: string, probe: string, check: () => Promise<boolean>): Promise<void> {
  const started = Date.now();
  await stackControl.restart([server]);
  await eventually(
    () => check().catch(() => false),
    Boolean,
    RECOVERY_MS,
    `${probe} after ${server} restarted`,
  );
  recovered.push({ server, probe, seconds: (Date.now() - started) / 1000 });
}

describe('each infrastructure server restarted alone: the apps recover on their own (fault)', () => {
  const pool = identityDatabasePool('infra-restart');
  afterAll(async () => {
    await pool.end();
    console.log(`\nRecovery after a restart of one server (${profile} profile), restart included:`);
    for (const r of recovered)
      console.log(`  ${r.server.padEnd(16)} ${r.seconds.toFixed(1).padStart(6)} s  (${r.probe})`);
  });

  it('postgres: sign-up and sign-in (identity) work again', async () => {
    const tenant = await createTestTenant(pool, 'pg-restart');
    await restartAndTime('postgres', 'a new account signs in', async () => {
      await signedInUser(pool, tenant);
      return true;
    });
  });

  it('redis: actor state and pub/sub work again, state from before is kept', async () => {
    const id = `tenant-a:${randomUUID()}`;
    await counter(id, 'increment', { by: 3 });
    await restartAndTime('redis', 'an actor increments and an event is published', async () => {
      const count = await counter(id, 'increment', { by: 1 });
      const { status } = await publishOne('conformance.delivery', { run: `redis-${randomUUID()}`, seq: 0 });
      return count >= 4 && status === 204;
    });
    expect((await counter(id, 'get')).count).toBeGreaterThanOrEqual(4);
  });

  it('dapr-placement: a new actor can be placed again', async () => {
    await restartAndTime('dapr-placement', 'a new actor answers', async () => {
      return (await counter(`tenant-a:${randomUUID()}`, 'increment', { by: 1 })) === 1;
    });
  });

  it('dapr-scheduler: reminders scheduled after the restart fire', async () => {
    let id = '';
    await restartAndTime('dapr-scheduler', 'a reminder is scheduled', async () => {
      id = `tenant-a:${randomUUID()}`;
      await counter(id, 'scheduleReminder', { dueMs: 1000 });
      return true;
    });
    await eventually(
      () => counter(id, 'get'),
      (s) => s.remindersFired === 1,
      30_000,
      'the reminder to fire',
    );
  });

  it('temporal: a workflow runs again (the worker reconnects)', async () => {
    await restartAndTime('temporal', 'a greeting workflow completes', async () => {
      const res = await invoke<{ result: unknown }>('skeleton-caller', 'skeleton-caller', 'greetings', {
        requestId: randomUUID(),
        tenantId: 'tenant-a',
        name: 'after restart',
      });
      return res.status === 200;
    });
  });

  it('jaeger: traces are exported again (its store is in memory: older traces are gone)', async () => {
    await restartAndTime('jaeger', "a new call's trace is found", async () => {
      const { traceparent, traceId } = newTraceparent();
      await invoke(
        'skeleton-caller',
        'skeleton-caller',
        'ping',
        { tenantId: 'tenant-a', message: 'x' },
        { traceparent },
      );
      await new Promise((r) => setTimeout(r, 1500));
      const res = await fetch(`http://127.0.0.1:${ports.jaegerQuery}/api/traces/${traceId}`);
      return res.ok;
    });
  });

  it('moto: the kv store works again (its items are in memory: they are gone)', async () => {
    const key = `infra-restart-${randomUUID()}`;
    await restartAndTime('moto', 'a kv item is saved and read', async () => {
      const saved = await sidecar('conformance', '/v1.0/state/kvstore', {
        method: 'POST',
        body: JSON.stringify([{ key, value: 'back' }]),
      });
      const read = await sidecar('conformance', `/v1.0/state/kvstore/${key}`);
      return saved.status === 204 && read.status === 200;
    });
  });

  it('versitygw: S3 objects from before are still there', async () => {
    const key = `infra-restart/${randomUUID()}`;
    const body = randomBytes(1024).toString('hex');
    const s3 = s3Client();
    await s3.send(new PutObjectCommand({ Bucket: mediaBucket, Key: key, Body: body }));
    await restartAndTime('versitygw', 'an object from before is read', async () => {
      const object = await s3.send(new GetObjectCommand({ Bucket: mediaBucket, Key: key }));
      return (await object.Body?.transformToString()) === body;
    });
    s3.destroy();
  });

  it.runIf(profile === 'full')('kafka: publishing works again', async () => {
    await restartAndTime('kafka', 'an event is published', async () => {
      const { status } = await publishOne(
        'conformance.delivery',
        { run: `kafka-${randomUUID()}`, seq: 0 },
        30_000,
      );
      return status === 204;
    });
  });
});
