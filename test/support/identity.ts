import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createPgPool } from '@shopstream/service-defaults/postgres';
import { silentLogger } from '@shopstream/service-defaults/postgres/testing';
import { createIdentityStore } from '../../services/identity/src/infra/identity-store.js';
import { appDatabaseUrl } from '../../tools/stack/provision-postgres.js';

/**
 * A pool on the `identity` database of the running stack, as the `identity` role the supervisor provisioned
 * (not a superuser, so row-level security applies exactly as in the apps).
 */
export function identityDatabasePool(applicationName: string, max = 2): Pool {
  return createPgPool({
    connectionString: appDatabaseUrl('identity'),
    applicationName,
    logger: silentLogger,
    max,
  });
}

/** A fresh tenant id with `prefix`, registered in identity (sign-up refuses unknown tenants). */
export async function createTestTenant(pool: Pool, prefix: string): Promise<string> {
  const tenantId = `${prefix}-${randomBytes(4).toString('hex')}`;
  await createIdentityStore(pool).inTenant(tenantId, (tx) => tx.tenants.create(tenantId));
  return tenantId;
}
