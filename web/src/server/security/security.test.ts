import { describe, expect, it } from 'vitest';
import { parseSetCookie } from '../identity/set-cookie';
import { tenantFromHost } from '../tenant-from-host';
import { contentSecurityPolicy } from './content-security-policy';
import { isSameOriginMutation } from './same-origin';

describe('web server helpers', () => {
  it('parses an identity Set-Cookie with every attribute, so re-setting it changes nothing', () => {
    const c = parseSetCookie(
      '__Host-shopstream-refresh=abc.def=; Path=/; Max-Age=2592000; HttpOnly; Secure; SameSite=Strict',
    );
    expect(c).toEqual({
      name: '__Host-shopstream-refresh',
      value: 'abc.def=',
      path: '/',
      maxAge: 2592000,
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
    });
    expect(
      parseSetCookie('__Host-shopstream-csrf=; Path=/; Max-Age=0; Secure; SameSite=Strict')?.maxAge,
    ).toBe(0);
    expect(parseSetCookie('garbage')).toBeUndefined();
  });

  it('takes the tenant from the first host label, else the default', () => {
    expect(tenantFromHost('acme.localhost:3000', 'demo')).toBe('acme');
    expect(tenantFromHost('shop-2.example.com', 'demo')).toBe('shop-2');
    expect(tenantFromHost('127.0.0.1:19050', 'demo')).toBe('demo');
    expect(tenantFromHost('localhost:19050', 'demo')).toBe('demo');
    expect(tenantFromHost('www.example.com', 'demo')).toBe('demo');
    expect(tenantFromHost('[::1]:3000', 'demo')).toBe('demo');
    expect(tenantFromHost(null, 'demo')).toBe('demo');
  });

  it('builds a strict CSP: nonce + strict-dynamic, no eval or inline script outside dev', () => {
    const csp = contentSecurityPolicy('n0nce', { dev: false });
    expect(csp).toContain(`script-src 'self' 'nonce-n0nce' 'strict-dynamic'`);
    expect(csp).toContain(`object-src 'none'`);
    expect(csp).toContain(`base-uri 'none'`);
    expect(csp).toContain(`frame-ancestors 'none'`);
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('n', { dev: true })).toContain('unsafe-eval');
  });

  it('accepts mutations only from this host', () => {
    expect(isSameOriginMutation('GET', null, 'a.localhost')).toBe(true);
    expect(isSameOriginMutation('POST', 'http://a.localhost:3000', 'a.localhost:3000')).toBe(true);
    expect(isSameOriginMutation('POST', 'https://evil.example', 'a.localhost:3000')).toBe(false);
    expect(isSameOriginMutation('POST', null, 'a.localhost:3000')).toBe(false);
    expect(isSameOriginMutation('POST', 'null', 'a.localhost:3000')).toBe(false);
    expect(isSameOriginMutation('POST', 'https://admin.example', 'x', ['https://admin.example'])).toBe(true);
  });
});
