import type { DomainError } from '@shopstream/service-defaults';
import { withTenant } from '@shopstream/service-defaults/postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityTestKit, type IdentityTestKit } from '@shopstream/testing/identity-kit';
import { signUp, USER_EVENTS_TOPIC, USER_REGISTERED_TYPE } from './sign-up.js';

const PASSWORD = 'a long enough passphrase';

interface OutboxRow {
  topic: string;
  type: string;
  subject: string;
  tenant_id: string;
  payload: { id: string; data: unknown; tenantid: string; source: string };
}

describe('signUp (real Postgres)', () => {
  let kit: IdentityTestKit;
  let tenantId: string;

  beforeAll(async () => {
    kit = await createIdentityTestKit({ poolSize: 10 });
    tenantId = await kit.newTenant('signup');
  });
  afterAll(async () => kit?.close());

  // The outbox has no row-level security (the relay reads all tenants); the app role reads it directly.
  const outboxRows = async (subject?: string) =>
    (
      await kit.pool.query<OutboxRow>(
        'SELECT topic, type, subject, tenant_id, payload FROM outbox WHERE tenant_id = $1 AND ($2::text IS NULL OR subject = $2)',
        [tenantId, subject ?? null],
      )
    ).rows;
  const userCount = (email: string) =>
    withTenant(kit.pool, tenantId, async (c) =>
      Number(
        (await c.query<{ n: string }>('SELECT count(*) AS n FROM users WHERE email_key = lower($1)', [email]))
          .rows[0]?.n,
      ),
    );

  it('writes user, credential and exactly one UserRegistered outbox event in one transaction', async () => {
    const { userId } = await signUp(kit.deps, { tenantId, email: 'Grace@Example.COM', password: PASSWORD });
    const rows = await outboxRows(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      topic: USER_EVENTS_TOPIC,
      type: USER_REGISTERED_TYPE,
      subject: userId,
      tenant_id: tenantId,
    });
    expect(rows[0]?.payload).toMatchObject({ tenantid: tenantId, source: 'identity' });
    expect(rows[0]?.payload.data).toEqual({
      userId,
      tenantId,
      registeredAt: new Date(kit.clock.now()).toISOString(),
    });
    // No personal data in the event: the email is deliberately absent.
    expect(JSON.stringify(rows[0]?.payload).toLowerCase()).not.toContain('grace@');

    const stored = await withTenant(
      kit.pool,
      tenantId,
      async (c) =>
        (
          await c.query<{ email: string; password_hash: string }>(
            'SELECT u.email, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.id WHERE u.id = $1',
            [userId],
          )
        ).rows,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]?.email).toBe('Grace@example.com'); // domain lower-cased, local part as typed
    expect(stored[0]?.password_hash).toMatch(/^\$argon2id\$/);
    expect(stored[0]?.password_hash).not.toContain(PASSWORD);
  });

  it('lets exactly one of 20 concurrent sign-ups with the same email win; 19 get EmailTaken and no event', async () => {
    const email = 'race@example.com';
    const before = (await outboxRows()).length;
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        // Case variants race too: the unique index folds the case of the whole address.
        signUp(kit.deps, { tenantId, email: i % 2 === 0 ? email : 'RACE@example.com', password: PASSWORD }),
      ),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost.map((r) => (r.reason as DomainError).code)).toEqual(Array(19).fill('Identity.EmailTaken'));
    expect(lost.every((r) => (r.reason as DomainError).kind === 'conflict')).toBe(true);
    expect(await userCount(email)).toBe(1);
    expect((await outboxRows()).length - before).toBe(1);
  });

  it('writes nothing for a failed sign-up (duplicate, unknown tenant, weak password)', async () => {
    await signUp(kit.deps, { tenantId, email: 'dup@example.com', password: PASSWORD });
    const before = (await outboxRows()).length;
    const codes = await Promise.all(
      [
        { tenantId, email: 'dup@example.com', password: 'another passphrase' },
        { tenantId: 'no-such-tenant', email: 'x@example.com', password: PASSWORD },
        { tenantId, email: 'weak@example.com', password: 'password' },
        { tenantId, email: 'admin@example.com', password: PASSWORD, admin: true },
      ].map((input) =>
        signUp(kit.deps, input).then(
          () => 'ok',
          (e: DomainError) => e.code,
        ),
      ),
    );
    expect(codes).toEqual([
      'Identity.EmailTaken',
      'Identity.UnknownTenant',
      'Identity.WeakPassword',
      'Identity.InvalidSignUp',
    ]);
    expect((await outboxRows()).length).toBe(before);
    expect(await userCount('weak@example.com')).toBe(0);
    expect(await userCount('admin@example.com')).toBe(0);
    const orphans = await kit.pool.query("SELECT 1 FROM outbox WHERE tenant_id = 'no-such-tenant'");
    expect(orphans.rowCount).toBe(0);
  });
});
