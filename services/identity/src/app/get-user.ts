import { z } from 'zod';
import type { User } from '../domain/user.js';
import type { IdentityDeps } from './ports.js';
import { userNotFound } from '../domain/identity-errors.js';

export interface GetUserInput {
  readonly tenantId: string;
  readonly userId: unknown;
}

const userIdSchema = z.guid();

/** The user of the tenant, or `Identity.UserNotFound` (also for ids that are not UUIDs, and deleted users). */
export async function getUser(deps: Pick<IdentityDeps, 'store'>, input: GetUserInput): Promise<User> {
  const userId = userIdSchema.safeParse(input.userId);
  if (!userId.success) throw userNotFound();
  const user = await deps.store.inTenant(input.tenantId, (tx) => tx.users.findById(userId.data));
  if (user === undefined) throw userNotFound();
  return user;
}
