import 'server-only';
import { cookies, headers } from 'next/headers';
import { webConfig } from '../config';
import { requestContext } from '../request-context';
import { CSRF_HEADER } from '@shopstream/service-defaults/contracts/session-cookies';
import { parseSetCookie } from './set-cookie';

export interface FieldProblem {
  readonly field: string;
  readonly detail: string;
}

export interface IdentityProblem {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors?: readonly FieldProblem[];
}

export type IdentityResult<T> = { ok: true; value: T } | { ok: false; problem: IdentityProblem };

const UNAVAILABLE: IdentityProblem = {
  status: 503,
  code: 'Web.IdentityUnavailable',
  detail: 'The sign-in service is unavailable right now. Please try again in a moment.',
};

interface CallOptions {
  readonly method?: 'GET' | 'POST';
  readonly body?: unknown;
  /** The CSRF token the page submitted (a hidden form field), sent as `x-csrf-token`. */
  readonly csrfToken?: string;
  /** Relay the answer's Set-Cookie headers to the browser (server actions only). */
  readonly relayCookies?: boolean;
  /** Told each relayed cookie (e.g. the new access token, for a call made right after sign-in). */
  readonly onRelayedCookie?: (name: string, value: string) => void;
}

/**
 * identity-sessions' routes through the web app's own sidecar: `dapr-api-token`, `x-tenant-id` from the
 * host name, `x-forwarded-for`, the browser's `Cookie`, the page's CSRF token; `Set-Cookie` relayed.
 */
export async function callIdentity<T>(path: string, options: CallOptions = {}): Promise<IdentityResult<T>> {
  const config = webConfig();
  const context = await requestContext();
  const cookieHeader = (await headers()).get('cookie');
  const requestHeaders: Record<string, string> = {
    'dapr-api-token': config.DAPR_API_TOKEN,
    'x-tenant-id': context.tenantId,
    'x-forwarded-for': context.clientIp,
  };
  if (cookieHeader) requestHeaders.cookie = cookieHeader;
  if (options.csrfToken) requestHeaders[CSRF_HEADER] = options.csrfToken;
  if (options.body !== undefined) requestHeaders['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(
      `http://127.0.0.1:${config.DAPR_HTTP_PORT}/v1.0/invoke/identity-sessions/method/${path}`,
      {
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
        headers: requestHeaders,
        cache: 'no-store',
        signal: AbortSignal.timeout(5_000),
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      },
    );
  } catch {
    return { ok: false, problem: UNAVAILABLE };
  }
  if (options.relayCookies) {
    const jar = await cookies();
    for (const header of response.headers.getSetCookie()) {
      const c = parseSetCookie(header);
      if (!c) continue;
      const { name, value, ...attributes } = c;
      jar.set(name, value, attributes);
      options.onRelayedCookie?.(name, value);
    }
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (response.ok) return { ok: true, value: body as T };
  const problem = body as Partial<IdentityProblem> | null;
  if (!problem || typeof problem.code !== 'string' || response.status >= 500) {
    return { ok: false, problem: { ...UNAVAILABLE, status: response.status } };
  }
  return {
    ok: false,
    problem: {
      status: response.status,
      code: problem.code,
      detail: typeof problem.detail === 'string' ? problem.detail : 'The request was refused.',
      ...(Array.isArray(problem.errors) ? { errors: problem.errors } : {}),
    },
  };
}
