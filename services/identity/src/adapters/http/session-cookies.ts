import { createHmac } from 'node:crypto';
import { parse, serialize, type SerializeOptions } from 'cookie';
import { DomainError, ErrorKind, tokensEqual } from '@shopstream/service-defaults';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
} from '@shopstream/service-defaults/contracts';

/**
 * The browser session as three cookies, all `__Host-` (so: Secure, Path=/, no Domain — the browser refuses
 * them otherwise, which pins them to the exact origin that set them):
 * - access: the short-lived JWT, HttpOnly, SameSite=Lax (a top-level link from elsewhere still renders the
 *   signed-in page; every mutation needs the CSRF header anyway);
 * - refresh: the opaque refresh token, HttpOnly, SameSite=Strict;
 * - csrf: readable by the page's script (not HttpOnly), SameSite=Strict; its value must come back in the
 *   `x-csrf-token` header of every cookie-authenticated mutation.
 * Browsers treat http://localhost as a secure context, so Secure cookies work in local development.
 */
export { ACCESS_COOKIE, CSRF_COOKIE, CSRF_HEADER, REFRESH_COOKIE };

export interface CookieSession {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Access-token `exp`, epoch seconds. */
  readonly accessTokenExpiresAt: number;
  /** The refresh family's end, epoch milliseconds. */
  readonly refreshTokenExpiresAt: number;
}

const base: SerializeOptions = { path: '/', secure: true };

/**
 * CSRF token of a session: HMAC-SHA256 keyed by the refresh token (a secret only the browser's HttpOnly
 * cookie holds) — the "signed double-submit cookie" of OWASP's CSRF cheat sheet without a server secret.
 * A site that can make the browser send the cookies cannot read them, so it cannot compute this value; it
 * changes with every refresh rotation.
 */
export function csrfTokenFor(refreshToken: string): string {
  return createHmac('sha256', refreshToken).update('shopstream-csrf-v1').digest('base64url');
}

/** `Set-Cookie` values that start (or, after a refresh, renew) the browser session. */
export function sessionCookies(session: CookieSession, now: number = Date.now()): string[] {
  const accessMaxAge = Math.max(0, session.accessTokenExpiresAt - Math.floor(now / 1000));
  const refreshMaxAge = Math.max(0, Math.floor((session.refreshTokenExpiresAt - now) / 1000));
  return [
    serialize(ACCESS_COOKIE, session.accessToken, {
      ...base,
      httpOnly: true,
      sameSite: 'lax',
      maxAge: accessMaxAge,
    }),
    serialize(REFRESH_COOKIE, session.refreshToken, {
      ...base,
      httpOnly: true,
      sameSite: 'strict',
      maxAge: refreshMaxAge,
    }),
    serialize(CSRF_COOKIE, csrfTokenFor(session.refreshToken), {
      ...base,
      sameSite: 'strict',
      maxAge: refreshMaxAge,
    }),
  ];
}

/** `Set-Cookie` values that delete all three cookies (same attributes, empty, expired). */
export function clearedSessionCookies(): string[] {
  return [
    serialize(ACCESS_COOKIE, '', { ...base, httpOnly: true, sameSite: 'lax', maxAge: 0 }),
    serialize(REFRESH_COOKIE, '', { ...base, httpOnly: true, sameSite: 'strict', maxAge: 0 }),
    serialize(CSRF_COOKIE, '', { ...base, sameSite: 'strict', maxAge: 0 }),
  ];
}

/** The session cookies of a `Cookie` header (absent or empty ones are undefined). */
export function readSessionCookies(cookieHeader: string | undefined): {
  readonly accessToken?: string;
  readonly refreshToken?: string;
} {
  if (cookieHeader === undefined || cookieHeader.length > 8192) return {};
  const cookies = parse(cookieHeader);
  const value = (name: string) => (cookies[name] ? cookies[name] : undefined);
  const accessToken = value(ACCESS_COOKIE);
  const refreshToken = value(REFRESH_COOKIE);
  return { ...(accessToken && { accessToken }), ...(refreshToken && { refreshToken }) };
}

export const csrfRejected = (): DomainError =>
  new DomainError(
    ErrorKind.PermissionDenied,
    'Identity.CsrfRejected',
    `The request lacks a valid ${CSRF_HEADER} header; reload the page and try again.`,
  );

/**
 * Throws `Identity.CsrfRejected` unless `headerValue` is the CSRF token of the presented refresh cookie
 * (constant-time comparison). Call it before any cookie-authenticated mutation does anything.
 */
export function checkCsrf(refreshToken: string | undefined, headerValue: string | undefined): void {
  if (refreshToken === undefined || headerValue === undefined || headerValue.length > 128)
    throw csrfRejected();
  if (!tokensEqual(headerValue, csrfTokenFor(refreshToken))) throw csrfRejected();
}
