/** Request header the proxy sets with the tenant it derived from the Host header. */
export const TENANT_HEADER = 'x-shopstream-tenant';

export const TENANT_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

/**
 * The tenant comes from the host name: `<tenant>.<anything>` (e.g. `acme.localhost:3000`). A bare host
 * (`localhost`, an IP address) uses the fallback (WEB_DEFAULT_TENANT, `demo` unless configured).
 */
export function tenantFromHost(host: string | null, fallback: string): string {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (/^[\d.]+$/.test(name) || name.startsWith('[')) return fallback;
  const labels = name.split('.');
  const first = labels[0] ?? '';
  return labels.length >= 2 && first !== 'www' && TENANT_PATTERN.test(first) ? first : fallback;
}
