import { z } from 'zod';
import { DomainError } from '@shopstream/service-defaults';
import type { IdentityDeps } from './ports.js';
import { userNotFound } from '../domain/identity-errors.js';

/**
 * A role names a permission scope, lower-case, e.g. `catalog.admin:eu-west` (admin of the catalog in
 * region eu-west). The `admin` flag is separate: a tenant administrator passes every role check.
 */
export const roleSchema = z
  .string()
  .regex(/^[a-z][a-z0-9._-]*(:[a-z0-9._-]+)?$/, 'must look like `catalog.admin` or `catalog.admin:eu-west`')
  .max(64, 'must be at most 64 characters');

const setRolesInput = z.strictObject({
  tenantId: z.string().min(1),
  userId: z.uuid({ error: 'must be a user id (UUID)' }),
  roles: z
    .array(roleSchema)
    .max(32, 'at most 32 roles')
    .transform((roles) => [...new Set(roles)].sort()),
  admin: z.boolean(),
});

/**
 * Replaces a user's roles and admin flag. Access tokens already issued keep their old claims until they
 * expire (minutes); the next refresh carries the new ones. Callers authorise the change (only a tenant
 * admin, or the operator's `identity:roles` command).
 */
export async function setUserRoles(
  deps: Pick<IdentityDeps, 'store'>,
  input: unknown,
): Promise<{ readonly roles: readonly string[]; readonly admin: boolean }> {
  const parsed = setRolesInput.safeParse(input);
  if (!parsed.success) throw DomainError.fromZod('Identity.InvalidRoles', parsed.error);
  const { tenantId, userId, roles, admin } = parsed.data;
  const updated = await deps.store.inTenant(tenantId, (tx) => tx.users.setRoles(userId, roles, admin));
  if (!updated) throw userNotFound();
  return { roles, admin };
}
