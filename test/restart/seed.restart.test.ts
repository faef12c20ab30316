import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenSessionResult } from '@shopstream/actor-session';
import { setUserRoles } from '@shopstream/identity';
import { createIdentityStore } from '@shopstream/identity';
import { GREETING_TASK_QUEUE, greetingWorkflowId } from '@shopstream/skeleton-worker';
import { mediaBucket } from '../../tools/stack/layout.js';
import { catalogApi, idempotencyKey, productInput } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';
import { invoke, sidecar } from '@shopstream/testing/stack';
import { publishOne } from '../platform/conformance/publish.js';
import { restartRound, writeFixture, type RestartFixture } from './fixture.js';
import { actorCall, s3Client, temporalClient } from './restart-clients.js';

/**
 * The first half of the restart phase (tools/ci/restart-phase.ts): on a running stack, create data of every
 * kind a user's hour of work leaves behind — an account with roles and a session, SessionActor and
 * CounterActor reminders (one registered twice: an overwritten scheduler job is what the scheduler crashed
 * on, issue 12), a product, a Temporal workflow that starts later, an S3 object, a kv item, and events
 * published right before the stop — and record it for verify.restart.test.ts, which runs after the stack
 * was stopped (or killed) and started again on the same data folder.
 */
const round = restartRound();
/** Reminders and the workflow are due after the stack is back: a stop + start takes well under this. */
const DUE_MS = 75_000;
const EVENTS = 40;

describe(`before the ${round}: data of every kind`, () => {
  const pool = identityDatabasePool('restart-seed');
  const catalog = catalogApi();
  const temporal = temporalClient();
  afterAll(async () => {
    catalog.close();
    await pool.end();
    await (await temporal).close();
  });

  const fixture: Partial<RestartFixture> = { round, seededAt: Date.now() };
  beforeAll(async () => {
    fixture.tenantId = await createTestTenant(pool, `restart-${round}`);
  });
  const tenant = () => fixture.tenantId as string;

  it('an account with roles, signed in (a SessionActor with its idle-sweep reminder)', async () => {
    const email = `restart-${randomBytes(4).toString('hex')}@example.com`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const headers = { 'x-tenant-id': tenant() };
    const up = await invoke<{ userId: string }>(
      'skeleton-caller',
      'identity-sessions',
      'auth/sign-up',
      { email, password },
      headers,
    );
    expect(up.status).toBe(200);
    await setUserRoles(
      { store: createIdentityStore(pool) },
      { tenantId: tenant(), userId: up.body.userId, roles: ['catalog.admin:eu'], admin: false },
    );
    const signIn = await invoke<{ refreshToken: string; accessToken: string }>(
      'skeleton-caller',
      'identity-sessions',
      'auth/sign-in',
      { email, password, device: 'restart test' },
      headers,
    );
    expect(signIn.status).toBe(200);
    fixture.user = { email, password, userId: up.body.userId, refreshToken: signIn.body.refreshToken };

    const { product } = await catalog.createProduct(
      {
        idempotencyKey: idempotencyKey(),
        ownerRegion: 'eu',
        product: productInput({ title: `Restart ${round}` }),
      },
      { token: signIn.body.accessToken },
    );
    expect(product?.productId).toBeTruthy();
    fixture.product = {
      id: product?.productId ?? '',
      version: product?.version ?? '',
      title: `Restart ${round}`,
    };
  });

  it('SessionActor sessions: one that expires after the restart (re-armed reminder), one that stays', async () => {
    const actorId = `${tenant()}:${randomUUID()}`;
    const open = (sessionId: string, idleTimeoutMs: number) =>
      actorCall<OpenSessionResult>('identity-sessions', 'SessionActor', actorId, 'open', {
        sessionId,
        device: `Device ${sessionId}`,
        userAgent: 'restart-test',
        ipHash: 'cmVzdGFydC10ZXN0',
        idleTimeoutMs,
      });
    await open('kept', 3_600_000);
    await open('expiring', DUE_MS);
    // Touching re-arms the idle-sweep reminder: the scheduler job is overwritten (its etcd key modified).
    await actorCall('identity-sessions', 'SessionActor', actorId, 'touch', { sessionId: 'expiring' });
    fixture.sessionActor = {
      actorId,
      expiringSessionId: 'expiring',
      keptSessionId: 'kept',
      expiresAt: Date.now() + DUE_MS,
    };
  });

  it('a CounterActor reminder registered twice, due after the restart', async () => {
    const actorId = `${tenant()}:${randomUUID()}`;
    await actorCall('skeleton-caller', 'CounterActor', actorId, 'increment', { by: 7 });
    await actorCall('skeleton-caller', 'CounterActor', actorId, 'scheduleReminder', { dueMs: DUE_MS });
    await actorCall('skeleton-caller', 'CounterActor', actorId, 'scheduleReminder', { dueMs: DUE_MS });
    fixture.counter = { actorId, dueAt: Date.now() + DUE_MS };
  });

  it('a Temporal workflow that starts after the restart', async () => {
    const { client } = await temporal;
    const workflowId = greetingWorkflowId(randomUUID());
    const name = `restart-${round}`;
    await client.workflow.start('greetingWorkflow', {
      taskQueue: GREETING_TASK_QUEUE,
      workflowId,
      args: [{ tenantId: tenant(), name }],
      startDelay: `${DUE_MS / 1000}s`,
    });
    fixture.workflow = { workflowId, startsAt: Date.now() + DUE_MS, name };
  });

  it('an S3 object and a kv item', async () => {
    const body = randomBytes(64 * 1024);
    const key = `restart/${tenant()}/${randomUUID()}.bin`;
    const s3 = s3Client();
    await s3.send(new PutObjectCommand({ Bucket: mediaBucket, Key: key, Body: body }));
    s3.destroy();
    fixture.s3 = { key, sha256: createHash('sha256').update(body).digest('hex') };

    const kvKey = `restart-${randomUUID()}`;
    const saved = await sidecar('conformance', '/v1.0/state/kvstore', {
      method: 'POST',
      body: JSON.stringify([{ key: kvKey, value: { round } }]),
    });
    expect(saved.status).toBe(204);
    fixture.kv = { key: kvKey };
  });

  it(`${EVENTS} events published right before the stop`, async () => {
    const run = `restart-${round}-${randomUUID()}`;
    for (let seq = 0; seq < EVENTS; seq++) {
      const { status } = await publishOne('conformance.delivery', {
        run,
        seq,
        partitionKey: `restart-${seq % 4}`,
      });
      expect(status).toBe(204);
    }
    fixture.events = { run, count: EVENTS };
    writeFixture(fixture as RestartFixture);
  });
});
