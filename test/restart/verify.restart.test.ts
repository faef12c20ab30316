import { createHash } from 'node:crypto';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ListSessionsResult } from '@shopstream/actor-session';
import type { CounterSnapshot } from '@shopstream/actor-counter';
import type { GreetingResult } from '@shopstream/skeleton-worker';
import { mediaBucket } from '../../tools/stack/layout.js';
import { stackControl } from '../../tools/stack/control.js';
import { catalogApi } from '@shopstream/testing/catalog';
import { eventually, invoke, sidecar } from '@shopstream/testing/stack';
import { readFixture, restartRound } from './fixture.js';
import { actorCall, s3Client, temporalClient } from './restart-clients.js';

/**
 * The second half of the restart phase: the stack was stopped (or every process killed with SIGKILL) after
 * seed.restart.test.ts and started again on the same data folder. Everything is back and healthy, business
 * data is intact, reminders and the delayed workflow fire after the restart, events published before it are
 * delivered. kv items are the one documented loss: moto keeps them in memory (README, adr/0026).
 */
const round = restartRound();
const fixture = readFixture(round);
/** How long after its due time a reminder or the delayed workflow may take to fire on a loaded machine. */
const GRACE_MS = 60_000;
const untilDue = (at: number) => Math.max(0, at - Date.now()) + GRACE_MS;

describe(`after the ${round}: the stack on its used data folder`, () => {
  const catalog = catalogApi();
  const temporal = temporalClient();
  afterAll(async () => {
    catalog.close();
    await (await temporal).close();
  });

  it('every process is running and healthy', async () => {
    const rows = await stackControl.status();
    expect(
      rows.filter((r) => !r.healthy || r.state !== 'running').map((r) => `${r.name}: ${r.state}`),
    ).toEqual([]);
  });

  it('the account signs in with its password, and its refresh token from before still works', async () => {
    const headers = { 'x-tenant-id': fixture.tenantId };
    const signIn = await invoke(
      'skeleton-caller',
      'identity-sessions',
      'auth/sign-in',
      {
        email: fixture.user.email,
        password: fixture.user.password,
        device: 'after restart',
      },
      headers,
    );
    expect(signIn.status).toBe(200);
    const refresh = await invoke<{ refreshToken: string }>(
      'skeleton-caller',
      'identity-sessions',
      'auth/refresh',
      {
        refreshToken: fixture.user.refreshToken,
      },
      headers,
    );
    expect(refresh.status).toBe(200);
    expect(refresh.body.refreshToken).not.toBe(fixture.user.refreshToken);
  });

  it('the product is there at the same version', async () => {
    const { product } = await catalog.getProduct(
      { productId: fixture.product.id },
      { tenant: fixture.tenantId, noCache: true },
    );
    expect(product).toMatchObject({
      productId: fixture.product.id,
      version: fixture.product.version,
      title: fixture.product.title,
    });
  });

  it('the S3 object has the same bytes', async () => {
    const s3 = s3Client();
    const object = await s3.send(new GetObjectCommand({ Bucket: mediaBucket, Key: fixture.s3.key }));
    const bytes = await object.Body?.transformToByteArray();
    s3.destroy();
    expect(
      createHash('sha256')
        .update(bytes ?? new Uint8Array())
        .digest('hex'),
    ).toBe(fixture.s3.sha256);
  });

  it('events published before the stop were all delivered to their subscriber', async () => {
    const stats = await eventually(
      () =>
        invoke<{ processed: number }>('conformance', 'conformance', `runs/${fixture.events.run}`).then(
          (r) => r.body,
        ),
      (s) => s.processed === fixture.events.count,
      60_000,
      `${fixture.events.count} events processed`,
    );
    expect(stats.processed).toBe(fixture.events.count);
  });

  it("the CounterActor's twice-registered reminder fires once, and its state is intact", async () => {
    const snap = await eventually(
      () => actorCall<CounterSnapshot>('skeleton-caller', 'CounterActor', fixture.counter.actorId, 'get'),
      (s) => s.remindersFired >= 1,
      untilDue(fixture.counter.dueAt),
      'the reminder to fire after the restart',
    );
    expect(snap).toMatchObject({ count: 7, remindersFired: 1 });
  });

  it("the SessionActor's idle-sweep reminder fires after the restart and re-arms for the kept session", async () => {
    const list = await eventually(
      () =>
        actorCall<ListSessionsResult>(
          'identity-sessions',
          'SessionActor',
          fixture.sessionActor.actorId,
          'list',
        ),
      // Swept and re-armed: the next sweep is due when the kept session (one hour) expires.
      (l) => l.idleSweepAt !== null && Date.parse(l.idleSweepAt) > fixture.sessionActor.expiresAt + 60_000,
      untilDue(fixture.sessionActor.expiresAt),
      'the idle sweep to run and re-arm',
    );
    expect(list.sessions.map((s) => s.sessionId)).toEqual([fixture.sessionActor.keptSessionId]);
  });

  it('the workflow started before the restart runs to completion after it', async () => {
    const { client } = await temporal;
    const handle = client.workflow.getHandle(fixture.workflow.workflowId);
    const result = (await Promise.race([
      handle.result(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('workflow did not complete')), untilDue(fixture.workflow.startsAt)),
      ),
    ])) as GreetingResult;
    expect(JSON.stringify(result)).toContain(fixture.workflow.name);
  }, 240_000);

  it('kv items do not survive (moto keeps them in memory), and the kv store works again', async () => {
    const before = await sidecar('conformance', `/v1.0/state/kvstore/${fixture.kv.key}`);
    expect(before.status).toBe(204); // absent: documented in the README's "what survives a restart"
    const saved = await sidecar('conformance', '/v1.0/state/kvstore', {
      method: 'POST',
      body: JSON.stringify([{ key: fixture.kv.key, value: { round: `${round}-after` } }]),
    });
    expect(saved.status).toBe(204);
    expect(await (await sidecar('conformance', `/v1.0/state/kvstore/${fixture.kv.key}`)).json()).toEqual({
      round: `${round}-after`,
    });
  });
});
