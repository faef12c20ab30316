/**
 * `npm run identity:roles -- --tenant <t> --email <e> [--role <r>]… [--admin]`: sets a user's roles and
 * admin flag on the LOCAL stack's identity database (the operator's way to make the first admin; a later
 * admin API builds on the same use case). Replaces the roles: pass every role the user should keep.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createIdentityStore, setUserRoles } from '@shopstream/identity';
import { identityDatabasePool } from './identity-database.js';

const { values } = parseArgs({
  options: {
    tenant: { type: 'string' },
    email: { type: 'string' },
    role: { type: 'string', multiple: true, default: [] },
    admin: { type: 'boolean', default: false },
  },
});
const args = z
  .object({ tenant: z.string().min(1, 'is required'), email: z.string().min(3, 'is required') })
  .safeParse(values);
if (!args.success) {
  console.error(
    '✗ usage: npm run identity:roles -- --tenant <tenant> --email <email> [--role <role>]… [--admin]',
  );
  process.exit(2);
}
const pool = identityDatabasePool('identity-roles');
try {
  const store = createIdentityStore(pool);
  const user = await store.inTenant(args.data.tenant, (tx) => tx.users.findByEmail(args.data.email));
  if (user === undefined) throw new Error(`no user ${args.data.email} in tenant ${args.data.tenant}`);
  const result = await setUserRoles(
    { store },
    {
      tenantId: args.data.tenant,
      userId: user.id,
      roles: values.role,
      admin: values.admin,
    },
  );
  console.log(`✓ ${args.data.email}: roles [${result.roles.join(', ')}], admin ${result.admin}`);
} catch (error) {
  console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
