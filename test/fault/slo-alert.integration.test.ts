import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { alertNotifications } from '@shopstream/testing/observability';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';
import { eventually, invoke, sleep } from '@shopstream/testing/stack';
import { devCredentials } from '../../tools/stack/layout.js';
import { ports } from '../../tools/stack/ports.js';
import type { AlertNotification } from '../../tools/stack/alert-sink.js';

/**
 * The login SLO's burn-rate page, end to end on the real stack: sign-ins fail while identity's database
 * refuses connections → Prometheus evaluates the SLO rules → Alertmanager → the stack's alert sink; after the
 * database is back the alert resolves. The test stack runs the SLO windows 30× faster (tools/ci/test-stack.ts):
 * the 1 h / 5 min pair becomes 2 min / 10 s. Bounded: at most 90 s of outage and 120 s of recovery.
 */
const admin = new pg.Pool({
  connectionString: `postgres://${devCredentials.postgresUser}:${devCredentials.postgresPassword}@127.0.0.1:${ports.postgres}/postgres`,
  max: 1,
});
const identityPool = identityDatabasePool('slo-alert-test');

afterAll(async () => {
  await admin.query('ALTER DATABASE identity ALLOW_CONNECTIONS true').catch(() => undefined);
  await Promise.all([admin.end(), identityPool.end()]);
});

const loginPage = (n: AlertNotification, status: 'firing' | 'resolved', after: number) =>
  Date.parse(n.receivedAt) > after &&
  n.alerts.some(
    (a) => a.status === status && a.labels.slo === 'login-success' && a.labels.severity === 'page',
  );

describe('login SLO alert (fault: identity database unreachable)', () => {
  it('fires a page while sign-ins fail and resolves after recovery', async () => {
    const tenantId = await createTestTenant(identityPool, 'slo-alert');
    const email = `slo-${randomBytes(4).toString('hex')}@example.com`;
    const password = `pw-${randomBytes(12).toString('hex')}`;
    const headers = { 'x-tenant-id': tenantId };
    const signUp = await invoke(
      'skeleton-caller',
      'identity-sessions',
      'auth/sign-up',
      { email, password },
      headers,
    );
    expect(signUp.status).toBe(200);

    const statuses: number[] = [];
    let running = true;
    const traffic = (async () => {
      while (running) {
        const res = await invoke(
          'skeleton-caller',
          'identity-sessions',
          'auth/sign-in',
          { email, password, device: 'slo alert test' },
          headers,
        ).catch(() => ({ status: 0 }));
        statuses.push(res.status);
        await sleep(250);
      }
    })();

    try {
      await eventually(
        () => Promise.resolve(statuses.filter((s) => s === 200).length),
        (n) => n >= 4,
        30_000,
        `healthy sign-ins (statuses so far: ${statuses.slice(-5).join(',')})`,
      );
      const faultAt = Date.now();
      await admin.query('ALTER DATABASE identity ALLOW_CONNECTIONS false');
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'identity' AND pid <> pg_backend_pid()",
      );
      const fired = await eventually(
        alertNotifications,
        (ns) => ns.some((n) => loginPage(n, 'firing', faultAt)),
        90_000,
        'the login-success page at the alert sink',
      );
      const firedAt = Date.parse(fired.find((n) => loginPage(n, 'firing', faultAt))!.receivedAt);
      const failed = statuses.filter((s) => s >= 500).length;
      expect(failed, 'sign-ins answered 5xx during the fault').toBeGreaterThan(0);

      const recoveredAt = Date.now();
      await admin.query('ALTER DATABASE identity ALLOW_CONNECTIONS true');
      const resolved = await eventually(
        alertNotifications,
        (ns) => ns.some((n) => loginPage(n, 'resolved', recoveredAt)),
        120_000,
        'the login-success page resolved at the alert sink',
      );
      const resolvedAt = Date.parse(resolved.find((n) => loginPage(n, 'resolved', recoveredAt))!.receivedAt);
      expect(
        // No server error once the database is back (the login throttle may answer 429 after the burst).
        statuses.slice(-3).every((s) => s > 0 && s < 500),
        `last sign-ins: ${statuses.slice(-10).join(',')}`,
      ).toBe(true);
      console.log(
        `login SLO page: fired ${((firedAt - faultAt) / 1000).toFixed(1)} s after the fault, ` +
          `resolved ${((resolvedAt - recoveredAt) / 1000).toFixed(1)} s after recovery; ${failed} sign-ins failed`,
      );
    } finally {
      running = false;
      await traffic;
      await admin.query('ALTER DATABASE identity ALLOW_CONNECTIONS true');
    }
  }, 300_000);
});
