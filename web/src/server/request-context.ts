import 'server-only';
import { headers } from 'next/headers';
import { webConfig } from './config';

export interface RequestContext {
  readonly tenantId: string;
  readonly clientIp: string;
  readonly userAgent: string;
}

const TENANT_LABEL = /^[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * The tenant comes from the host name: `<tenant>.<anything>` (e.g. `acme.localhost:3000`). A bare host
 * (`localhost`, an IP address) uses WEB_DEFAULT_TENANT (`demo` unless configured).
 */
export function tenantFromHost(host: string | null, fallback: string): string {
  const name = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (/^[\d.]+$/.test(name) || name.startsWith('[')) return fallback;
  const labels = name.split('.');
  const first = labels[0] ?? '';
  return labels.length >= 2 && first !== 'www' && TENANT_LABEL.test(first) ? first : fallback;
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    tenantId: tenantFromHost(h.get('host'), webConfig().WEB_DEFAULT_TENANT),
    // Set by src/server/main.ts from the socket (a client-sent value is overwritten).
    clientIp: h.get('x-forwarded-for') ?? '127.0.0.1',
    userAgent: h.get('user-agent') ?? '',
  };
}
