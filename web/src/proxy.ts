import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, securityHeaders } from './server/security/content-security-policy';
import { isSameOriginMutation } from './server/security/same-origin';

const extraOrigins = (process.env.WEB_EXTRA_ORIGINS ?? '').split(',').filter(Boolean);

/**
 * Every page request: a fresh CSP nonce (passed to the app as `x-nonce` and in the request's CSP header,
 * which Next uses to stamp its own scripts), the security headers, and the Origin check on mutations.
 */
export function proxy(request: NextRequest) {
  const host = request.headers.get('host');
  const tls = request.headers.get('x-forwarded-proto') === 'https';
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
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  for (const [name, value] of Object.entries(securityHeaders({ tls }))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico).*)',
    },
  ],
};
