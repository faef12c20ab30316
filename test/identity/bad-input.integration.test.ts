import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '@shopstream/service-defaults/postgres';
import { sidecar } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';

/**
 * Hostile and malformed input at identity-sessions' HTTP edge, through the sidecars: every answer is a
 * problem+json with a stable code (never a stack trace or the input echoed back), and nothing is written.
 */

interface Problem {
  status: number;
  code?: string;
  errors?: { field: string; detail: string }[];
}

describe('identity-sessions refuses bad input with problem+json and no state change', () => {
  let pool: Pool;
  let tenantId = '';

  const post = async (path: string, body: string, headers: Record<string, string> = {}) => {
    const res = await sidecar('skeleton-caller', `/v1.0/invoke/identity-sessions/method/${path}`, {
      method: 'POST',
      headers: { 'x-tenant-id': tenantId, 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await res.text();
    return { status: res.status, type: res.headers.get('content-type') ?? '', text };
  };
  const userCount = () =>
    withTenant(pool, tenantId, async (c) =>
      Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]?.n),
    );

  beforeAll(async () => {
    pool = identityDatabasePool('identity-bad-input-test');
    tenantId = await createTestTenant(pool, 'hostile');
  });
  afterAll(async () => pool?.end());

  it('answers every malformed sign-up with a field-level problem and creates no account', async () => {
    const cases: [string, string][] = [
      ['missing fields', '{}'],
      ['wrong types', JSON.stringify({ email: 42, password: ['x'] })],
      ['extra keys', JSON.stringify({ email: 'a@example.com', password: 'long enough pass', admin: true })],
      ['short password', JSON.stringify({ email: 'a@example.com', password: 'short' })],
      ['1 MB password', JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(1_000_000) })],
      [
        'SQL in the email',
        JSON.stringify({ email: "x'; DROP TABLE users; --@example.com", password: 'long enough pass' }),
      ],
      [
        'script in the email',
        JSON.stringify({ email: '<script>alert(1)</script>@example.com', password: 'long enough pass' }),
      ],
      ['control characters', JSON.stringify({ email: 'a\u0000b@example.com', password: 'long enough pass' })],
      ['lone surrogate', `{"email":"a@example.com","password":"abc\\ud800defghijk"}`],
      ['not JSON', '{"email": '],
      ['JSON array', '[1,2,3]'],
    ];
    for (const [what, body] of cases) {
      const res = await post('auth/sign-up', body);
      expect([what, res.status >= 400 && res.status < 500]).toEqual([what, true]);
      expect([what, res.type]).toEqual([what, expect.stringContaining('application/problem+json')]);
      const problem = JSON.parse(res.text) as Problem;
      expect(problem.status).toBe(res.status);
      expect(res.text).not.toMatch(/at .*\.ts:\d+|DROP TABLE|<script>|ppppp/);
    }
    expect(await userCount()).toBe(0);
  });

  it('answers an oversized body (2 MB, over the app limit of 1 MB) with 413 and a malformed one with 400, both as problem+json', async () => {
    const huge = await post(
      'auth/sign-up',
      JSON.stringify({ email: 'a@example.com', password: 'p'.repeat(2_000_000) }),
    );
    expect([huge.status, huge.type]).toEqual([413, expect.stringContaining('application/problem+json')]);
    expect((JSON.parse(huge.text) as Problem).code).toBe('Request.BodyTooLarge');
    const broken = await post('auth/sign-in', '{"email": "a@example.com", "password": ');
    expect([broken.status, (JSON.parse(broken.text) as Problem).code]).toEqual([
      400,
      'Request.MalformedBody',
    ]);
    expect(await userCount()).toBe(0);
  });

  it('names the field that is wrong', async () => {
    const res = await post(
      'auth/sign-up',
      JSON.stringify({ email: 'not-an-email', password: 'long enough pass' }),
    );
    expect(res.status).toBe(400);
    expect((JSON.parse(res.text) as Problem).errors?.map((e) => e.field)).toEqual(['email']);
  });

  it('refuses an unknown or malformed tenant before anything else', async () => {
    const body = JSON.stringify({ email: 'a@example.com', password: 'long enough pass' });
    for (const tenant of ['', 'Robert"); DROP', 'x'.repeat(500), 'no-such-tenant-zz']) {
      const res = await post('auth/sign-up', body, { 'x-tenant-id': tenant });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
  });

  it('lets exactly one of twenty concurrent sign-ups with the same email win', async () => {
    const email = `race-${randomBytes(3).toString('hex')}@example.com`;
    const body = JSON.stringify({ email, password: 'correct horse battery staple' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('auth/sign-up', body)));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    expect(await userCount()).toBe(1);
  });
});
