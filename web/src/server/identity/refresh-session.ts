import type { NextRequest } from 'next/server';
import { webConfig } from '../config';
import { tenantFromHost } from '../tenant-from-host';
import {
  ACCESS_COOKIE,
  CSRF_COOKIE,
  CSRF_HEADER,
  REFRESH_COOKIE,
} from '@shopstream/service-defaults/contracts/session-cookies';

export interface Refreshed {
  /** identity's Set-Cookie headers, to relay unchanged. */
  readonly setCookies: string[];
  /** The request's Cookie header as it will be after the browser applies them (for this render). */
  readonly cookieHeader: string;
}

/**
 * A page request whose access cookie has expired (10 min) but whose refresh cookie lives: refresh the
 * session through identity-sessions (CSRF header = the session's CSRF cookie, as the page would send it;
 * the refresh cookie is SameSite=Strict, so only same-site navigations get here).
 */
export async function refreshSession(request: NextRequest): Promise<Refreshed | undefined> {
  if (request.method !== 'GET' || request.cookies.has(ACCESS_COOKIE) || !request.cookies.has(REFRESH_COOKIE))
    return undefined;
  const config = webConfig();
  let response: Response;
  try {
    response = await fetch(
      `http://127.0.0.1:${config.DAPR_HTTP_PORT}/v1.0/invoke/identity-sessions/method/browser/refresh`,
      {
        method: 'POST',
        headers: {
          'dapr-api-token': config.DAPR_API_TOKEN,
          'x-tenant-id': tenantFromHost(request.headers.get('host'), config.WEB_DEFAULT_TENANT),
          'x-forwarded-for': request.headers.get('x-forwarded-for') ?? '127.0.0.1',
          [CSRF_HEADER]: request.cookies.get(CSRF_COOKIE)?.value ?? '',
          cookie: request.headers.get('cookie') ?? '',
          'content-type': 'application/json',
        },
        body: '{}',
        signal: AbortSignal.timeout(3_000),
      },
    );
  } catch {
    return undefined; // identity down: the page renders signed out and says so where it matters
  }
  const setCookies = response.headers.getSetCookie();
  if (setCookies.length === 0) return undefined;
  const jar = new Map(request.cookies.getAll().map((c) => [c.name, c.value]));
  for (const header of setCookies) {
    const [pair = ''] = header.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    if (/;\s*Max-Age=0(;|$)/i.test(header) || value === '') jar.delete(name);
    else jar.set(name, value);
  }
  return { setCookies, cookieHeader: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
}
