import 'server-only';
import { headers } from 'next/headers';
import { webConfig } from './config';
import { TENANT_HEADER, tenantFromHost } from './tenant-from-host';

export interface RequestContext {
  readonly tenantId: string;
  readonly clientIp: string;
  readonly userAgent: string;
}

export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return {
    tenantId: h.get(TENANT_HEADER) ?? tenantFromHost(h.get('host'), webConfig().WEB_DEFAULT_TENANT),
    // Set by src/server/main.ts from the socket (a client-sent value is overwritten).
    clientIp: h.get('x-forwarded-for') ?? '127.0.0.1',
    userAgent: h.get('user-agent') ?? '',
  };
}
