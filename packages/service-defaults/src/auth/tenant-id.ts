import { z } from 'zod';

/** Tenant ids are DNS-label-like: lower-case letters, digits and `-`, 2 to 63 characters. */
export const TENANT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const tenantIdSchema = z.string().regex(TENANT_ID_PATTERN, 'must be 2-63 of a-z, 0-9 and -');
