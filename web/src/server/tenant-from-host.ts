import { isTenantId } from '@shopstream/service-defaults/contracts/tenant-id';

/** Request header the proxy sets with the tenant it derived from the Host header. */
export const TENANT_HEADER = 'x-shopstream-tenant';

/**
 * The tenant comes from the host name: `<tenant>.<anything>` (e.g. `acme.localhost:3000`). A bare host
 * (`localhost`, an IP address) uses the fallback (WEB_DEFAULT_TENANT, `demo` unless configured).
 */
export function tenantFromHost(host: string | null, fallback: string): string {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (/^[\d.]+$/.test(name) || name.startsWith('[')) return fallback;
  const labels = name.split('.');
  const first = labels[0] ?? '';
  return labels.length >= 2 && first !== 'www' && isTenantId(first) ? first : fallback;
}
