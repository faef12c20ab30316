import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, securityHeaders } from './server/security/content-security-policy';
import { isSameOriginMutation } from './server/security/same-origin';
import { refreshSession } from './server/identity/refresh-session';
import { isTenantId } from '@shopstream/service-defaults/contracts/tenant-id';
import { TENANT_HEADER, tenantFromHost } from './server/tenant-from-host';
import { mediaSourceTenant } from './features/catalog/media-key';

const extraOrigins = (process.env.WEB_EXTRA_ORIGINS ?? '').split(',').filter(Boolean);
const defaultTenant = process.env.WEB_DEFAULT_TENANT ?? 'demo';

/**
 * Every page request: a fresh CSP nonce (passed to the app as `x-nonce` and in the request's CSP header,
 * which Next uses to stamp its own scripts), the security headers, the Origin check on mutations, and
 * a session refresh when only the access cookie has expired.
 */
export async function proxy(request: NextRequest) {
  const host = request.headers.get('host');
  const tls = request.headers.get('x-forwarded-proto') === 'https';
  if (request.nextUrl.pathname === '/_next/image') return imageGate(request, host);
  if (!isSameOriginMutation(request.method, request.headers.get('origin'), host, extraOrigins)) {
    return NextResponse.json(
      {
        type: 'urn:shopstream:problem:Web.CrossOriginRequest',
        title: 'Permission denied',
        status: 403,
        detail: 'This request did not come from this site.',
        code: 'Web.CrossOriginRequest',
      },
      { status: 403, headers: { 'content-type': 'application/problem+json', ...securityHeaders({ tls }) } },
    );
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV !== 'production' });
  const requestHeaders = new Headers(request.headers);
  const refreshed = request.headers.get('accept')?.includes('text/html')
    ? await refreshSession(request)
    : undefined;
  if (refreshed) requestHeaders.set('cookie', refreshed.cookieHeader);
  requestHeaders.set('x-nonce', nonce);
  // The tenant, from the Host the browser used. Next renders a server action's redirect target by
  // fetching it from 127.0.0.1 with the original request's headers: a tenant already decided is kept.
  // (A client sending the header can only pick what it could pick with the host name; tokens are tenant-bound.)
  const decided = request.headers.get(TENANT_HEADER);
  requestHeaders.set(
    TENANT_HEADER,
    decided && isTenantId(decided) ? decided : tenantFromHost(host, defaultTenant),
  );
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ tls }))) response.headers.set(name, value);
  for (const setCookie of refreshed?.setCookies ?? []) response.headers.append('set-cookie', setCookie);
  return response;
}

/**
 * The image optimizer fetches `/media/…` in-process without the browser's Host, and caches by URL alone,
 * so whose images a host may show is decided here, before the optimizer (adr/0025): a media source must
 * be in the host's tenant. Static sources (`public/`) pass.
 */
function imageGate(request: NextRequest, host: string | null) {
  const tenant = mediaSourceTenant(request.nextUrl.searchParams.get('url') ?? '');
  if (tenant === undefined || tenant === tenantFromHost(host, defaultTenant)) return NextResponse.next();
  return NextResponse.json(
    {
      type: 'urn:shopstream:problem:Web.MediaNotFound',
      title: 'Not found',
      status: 404,
      detail: 'no such image',
      code: 'Web.MediaNotFound',
    },
    { status: 404, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } },
  );
}

export const config = {
  matcher: [
    {
      // `_next/image` only for its tenant check (imageGate); static chunks never run the proxy.
      source: '/((?!_next/static|favicon.ico).*)',
    },
  ],
};
