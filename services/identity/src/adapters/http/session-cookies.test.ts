import { describe, expect, it } from 'vitest';
import {
  ACCESS_COOKIE,
  checkCsrf,
  clearedSessionCookies,
  CSRF_COOKIE,
  csrfTokenFor,
  readSessionCookies,
  REFRESH_COOKIE,
  sessionCookies,
} from './session-cookies.js';

const NOW = 1_800_000_000_000;
const session = {
  accessToken: 'header.payload.signature',
  refreshToken: 'AAAAAAAAAAAAAAAAAAAAAA.secret-part',
  accessTokenExpiresAt: NOW / 1000 + 600,
  refreshTokenExpiresAt: NOW + 30 * 86_400_000,
};

/** Attributes of one Set-Cookie value, lower-cased names. */
function attributes(setCookie: string): { name: string; value: string; attrs: Map<string, string> } {
  const [pair = '', ...rest] = setCookie.split('; ');
  const eq = pair.indexOf('=');
  const attrs = new Map(rest.map((a) => [a.split('=')[0]!.toLowerCase(), a.split('=')[1] ?? '']));
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

describe('session cookies', () => {
  it('sets three __Host- cookies: Secure, Path=/, no Domain; HttpOnly except the CSRF one', () => {
    const cookies = sessionCookies(session, NOW).map(attributes);
    expect(cookies.map((c) => c.name)).toEqual([ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]);
    for (const c of [...cookies, ...clearedSessionCookies().map(attributes)]) {
      expect(c.name.startsWith('__Host-')).toBe(true);
      expect(c.attrs.has('secure')).toBe(true);
      expect(c.attrs.get('path')).toBe('/');
      expect(c.attrs.has('domain')).toBe(false);
      expect(c.attrs.has('samesite')).toBe(true);
      expect(c.attrs.has('httponly')).toBe(c.name !== CSRF_COOKIE);
    }
    const [access, refresh, csrf] = cookies;
    expect(access?.attrs.get('samesite')).toBe('Lax');
    expect(refresh?.attrs.get('samesite')).toBe('Strict');
    expect(csrf?.attrs.get('samesite')).toBe('Strict');
    expect(access?.attrs.get('max-age')).toBe('600');
    expect(refresh?.attrs.get('max-age')).toBe(String(30 * 86_400));
    expect(csrf?.value).toBe(csrfTokenFor(session.refreshToken));
  });

  it('clears every cookie with Max-Age=0', () => {
    expect(clearedSessionCookies().map((c) => attributes(c).attrs.get('max-age'))).toEqual(['0', '0', '0']);
  });

  it('reads the session back from a Cookie header and ignores the rest', () => {
    const header = `theme=dark; ${ACCESS_COOKIE}=a.b.c; ${REFRESH_COOKIE}=r-token; other=1`;
    expect(readSessionCookies(header)).toEqual({ accessToken: 'a.b.c', refreshToken: 'r-token' });
    expect(readSessionCookies(undefined)).toEqual({});
    expect(readSessionCookies(`${ACCESS_COOKIE}=`)).toEqual({});
    expect(readSessionCookies('x'.repeat(10_000))).toEqual({});
  });

  it('accepts only the CSRF token of the presented refresh token', () => {
    const token = csrfTokenFor(session.refreshToken);
    expect(() => checkCsrf(session.refreshToken, token)).not.toThrow();
    for (const [refresh, header] of [
      [session.refreshToken, undefined],
      [undefined, token],
      [session.refreshToken, csrfTokenFor('another-refresh-token')],
      [session.refreshToken, token.slice(1)],
      [session.refreshToken, `${token}x`],
      [session.refreshToken, 'x'.repeat(200)],
    ] as const) {
      expect(() => checkCsrf(refresh, header)).toThrow(
        expect.objectContaining({ code: 'Identity.CsrfRejected' }),
      );
    }
  });
});
