import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sidecar } from '@shopstream/testing/stack';
import { createTestTenant, identityDatabasePool } from '@shopstream/testing/identity';

/**
 * The cookie routes (`/browser/*` on identity-sessions) through the sidecars, as the web BFF relays them:
 * the browser's `Cookie` and `x-csrf-token` go in, `Set-Cookie` comes back. Asserts the attributes of
 * every Set-Cookie seen, the CSRF defence on every cookie-authenticated mutation, and the session flows.
 */

const PASSWORD = 'correct horse battery staple 42';

interface Answer<T> {
  status: number;
  body: T;
  setCookies: string[];
}

/** Every Set-Cookie of the whole run, checked once more at the end. */
const allSetCookies: string[] = [];

function expectSafeCookie(setCookie: string): void {
  const [pair = '', ...attrs] = setCookie.split(/;\s*/);
  const names = attrs.map((a) => a.split('=')[0]?.toLowerCase());
  expect(pair.startsWith('__Host-shopstream-')).toBe(true);
  expect(names).toContain('secure');
  expect(attrs).toContain('Path=/');
  expect(names).not.toContain('domain');
  expect(attrs.some((a) => /^SameSite=(Strict|Lax)$/.test(a))).toBe(true);
  expect(names.includes('httponly')).toBe(!pair.startsWith('__Host-shopstream-csrf='));
}

/** A browser's cookie jar, reduced to what matters here. */
class Jar {
  private readonly cookies = new Map<string, string>();
  store(setCookies: string[]): void {
    for (const c of setCookies) {
      const [pair = ''] = c.split(';');
      const eq = pair.indexOf('=');
      const [name, value] = [pair.slice(0, eq), pair.slice(eq + 1)];
      if (/Max-Age=0(;|$)/.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  get csrf(): string | undefined {
    return this.cookies.get('__Host-shopstream-csrf');
  }
  get size(): number {
    return this.cookies.size;
  }
}

describe('identity-sessions cookie routes (HttpOnly __Host- cookies + CSRF) through the sidecars', () => {
  let pool: Pool;
  let tenantId = '';
  const email = `cookie-${randomBytes(3).toString('hex')}@example.com`;

  const call = async <T>(
    path: string,
    options: { body?: unknown; jar?: Jar; csrf?: string | null; method?: string } = {},
  ): Promise<Answer<T>> => {
    const headers: Record<string, string> = { 'x-tenant-id': tenantId };
    if (options.jar && options.jar.size > 0) headers.cookie = options.jar.header();
    const csrf = options.csrf === undefined ? options.jar?.csrf : options.csrf;
    if (csrf !== undefined && csrf !== null) headers['x-csrf-token'] = csrf;
    const res = await sidecar('skeleton-caller', `/v1.0/invoke/identity-sessions/method/${path}`, {
      method: options.method ?? (options.body === undefined && !path.includes('sign') ? 'GET' : 'POST'),
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    const setCookies = res.headers.getSetCookie();
    allSetCookies.push(...setCookies);
    options.jar?.store(setCookies);
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, setCookies };
  };
  const signIn = (jar: Jar, device: string) =>
    call<{ sessionId: string; csrfToken: string }>('browser/sign-in', {
      body: { email, password: PASSWORD, device },
      jar,
    });

  beforeAll(async () => {
    pool = identityDatabasePool('identity-cookie-session-test');
    tenantId = await createTestTenant(pool, 'cookie');
    const res = await call('auth/sign-up', { body: { email, password: PASSWORD } });
    expect(res.status).toBe(200);
  });
  afterAll(async () => {
    for (const c of allSetCookies) expectSafeCookie(c);
    await pool?.end();
  });

  it('signs in with three safe cookies and never shows the tokens to the page', async () => {
    const jar = new Jar();
    const res = await signIn(jar, 'Firefox on Linux');
    expect(res.status).toBe(200);
    expect(res.setCookies).toHaveLength(3);
    res.setCookies.forEach(expectSafeCookie);
    expect(Object.keys(res.body).sort()).toEqual(['csrfToken', 'expiresAt', 'refreshExpiresAt', 'sessionId']);
    expect(res.body.csrfToken).toBe(jar.csrf);

    const sessions = await call<{ sessions: { sessionId: string; current: boolean }[] }>('browser/sessions', {
      jar,
    });
    expect(sessions.status).toBe(200);
    expect(sessions.body.sessions).toEqual([
      expect.objectContaining({ sessionId: res.body.sessionId, current: true }),
    ]);
  });

  it('shows the signed-in user their own profile (email included) and nobody else', async () => {
    const jar = new Jar();
    await signIn(jar, 'Safari on macOS');
    const me = await call<{ email: string; userId: string; admin: boolean; roles: string[] }>('browser/me', {
      jar,
    });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(expect.objectContaining({ email, admin: false, roles: [] }));
    const anonymous = await call<{ code: string }>('browser/me');
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'Auth.MissingToken']);
  });

  it('refuses every cookie-authenticated mutation without the right CSRF header, changing nothing', async () => {
    const jar = new Jar();
    await signIn(jar, 'Chromium');
    const before = jar.header();
    for (const path of [
      'browser/refresh',
      'browser/sign-out',
      'browser/sign-out-everywhere',
      'browser/change-password',
      'browser/delete-account',
      'browser/sessions/some-session/sign-out',
    ]) {
      for (const csrf of [null, 'forged', `${jar.csrf ?? ''}x`]) {
        const res = await call<{ code: string }>(path, { jar, csrf, body: {} });
        expect([path, res.status, res.body.code]).toEqual([path, 403, 'Identity.CsrfRejected']);
        expect(res.setCookies).toEqual([]);
      }
    }
    expect(jar.header()).toBe(before);
    expect((await call('browser/sessions', { jar })).status).toBe(200);
  });

  it('refresh rotates the cookies and the CSRF token; the old CSRF token stops working', async () => {
    const jar = new Jar();
    await signIn(jar, 'Safari');
    const oldCsrf = jar.csrf;
    const res = await call<{ csrfToken: string }>('browser/refresh', { jar, body: {} });
    expect(res.status).toBe(200);
    expect(res.setCookies).toHaveLength(3);
    expect(jar.csrf).not.toBe(oldCsrf);
    expect((await call('browser/refresh', { jar, csrf: oldCsrf ?? null, body: {} })).status).toBe(403);
  });

  it('signs out one other device from the account page, then this one; ended cookies are cleared', async () => {
    const laptop = new Jar();
    const phone = new Jar();
    await signIn(laptop, 'Laptop');
    const { body: phoneSession } = await signIn(phone, 'Phone');

    const remote = await call(`browser/sessions/${phoneSession.sessionId}/sign-out`, {
      jar: laptop,
      body: {},
    });
    expect(remote.status).toBe(200);
    expect(remote.setCookies).toEqual([]); // another device's session: this browser stays signed in
    const phoneRefresh = await call<{ code: string }>('browser/refresh', { jar: phone, body: {} });
    expect(phoneRefresh.status).toBe(401);
    expect(phoneRefresh.setCookies.every((c) => /Max-Age=0/.test(c))).toBe(true);
    expect(phone.size).toBe(0);

    const out = await call('browser/sign-out', { jar: laptop, body: {} });
    expect(out.status).toBe(204);
    expect(out.setCookies).toHaveLength(3);
    expect(laptop.size).toBe(0);
  });

  it('changes the password (other sessions end) and deletes the account', async () => {
    const main = new Jar();
    const other = new Jar();
    await signIn(main, 'Main');
    await signIn(other, 'Other');
    const newPassword = 'a different long passphrase 7';
    const changed = await call<{ revokedSessions: number }>('browser/change-password', {
      jar: main,
      body: { currentPassword: PASSWORD, newPassword },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await call('browser/refresh', { jar: other, body: {} })).status).toBe(401);
    expect((await call('browser/refresh', { jar: main, body: {} })).status).toBe(200);

    const wrong = await call<{ code: string }>('browser/delete-account', {
      jar: main,
      body: { password: PASSWORD },
    });
    expect(wrong.body.code).toBe('Identity.InvalidCredentials');
    const deleted = await call('browser/delete-account', { jar: main, body: { password: newPassword } });
    expect(deleted.status).toBe(200);
    expect(main.size).toBe(0);
    const again = await call<{ code: string }>('browser/sign-in', {
      body: { email, password: newPassword, device: 'x' },
      jar: new Jar(),
    });
    expect(again.body.code).toBe('Identity.InvalidCredentials');
  });
});
