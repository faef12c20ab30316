/**
 * `npm run identity:tenant -- --tenant <id> [--name <display name>]`: registers a tenant in the LOCAL stack's
 * identity database (sign-up refuses unknown tenants). Idempotent: an existing tenant is left as it is.
 */
import { parseArgs } from 'node:util';
import { tenantIdSchema } from '@shopstream/service-defaults/auth';
import { createIdentityStore } from '@shopstream/identity';
import { identityDatabasePool } from './identity-database.js';

const { values } = parseArgs({ options: { tenant: { type: 'string' }, name: { type: 'string' } } });
const tenant = tenantIdSchema.safeParse(values.tenant);
if (!tenant.success) {
  console.error('✗ usage: npm run identity:tenant -- --tenant <id, e.g. demo> [--name <display name>]');
  process.exit(2);
}
const pool = identityDatabasePool('identity-tenant');
try {
  const created = await createIdentityStore(pool).inTenant(tenant.data, (tx) =>
    tx.tenants.create(values.name ?? tenant.data),
  );
  console.log(created ? `✓ tenant ${tenant.data} registered` : `✓ tenant ${tenant.data} already exists`);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
