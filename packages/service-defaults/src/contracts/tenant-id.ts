import { z } from 'zod';

/**
 * THE tenant-id rule of Shopstream (services, the web app, tools): DNS-label-like, lower-case letters, digits
 * and `-`, 2 to 63 characters, not starting with `-`. A tenant id is also the first label of the shop's host
 * name (`acme.shop.example`), the first segment of its media keys and the value of Postgres' `app.tenant_id`.
 */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const TENANT_ID_MESSAGE = 'must be 2-63 of a-z, 0-9 and - (not starting with -)';

export function isTenantId(value: string): boolean {
  return TENANT_ID_PATTERN.test(value);
}

export const tenantIdSchema = z.string().regex(TENANT_ID_PATTERN, TENANT_ID_MESSAGE);
