import { UserDeleted } from '@shopstream/proto/events/v1/user_events.js';
import type { IdentityDeps } from './ports.js';
import { invalidCredentials, tooManyAttempts, userNotFound } from '../domain/identity-errors.js';
import { USER_EVENTS_TOPIC } from './sign-up.js';
import { protoTimestamp } from './proto-timestamp.js';

export const USER_DELETED_TYPE = 'shopstream.events.v1.UserDeleted';

export interface DeleteAccountInput {
  /** From the verified access token's principal. */
  readonly tenantId: string;
  readonly userId: string;
  /** Re-entered by the user: a stolen access token alone cannot delete an account. */
  readonly password: unknown;
}

/**
 * Deletes the signed-in user's account. The password is checked under the sign-in throttle; then in ONE
 * transaction the user becomes a tombstone without personal data (`markDeleted`), the credential is
 * removed, every session's refresh family is revoked and `UserDeleted` is queued in the outbox for
 * `user.events` (other services erase what they hold; the DSAR workflow builds on this).
 */
export async function deleteAccount(
  deps: Pick<IdentityDeps, 'store' | 'hasher' | 'throttle' | 'clock' | 'config'>,
  input: DeleteAccountInput,
  context: { readonly ip: string },
): Promise<{ readonly revokedSessions: number }> {
  const found = await deps.store.inTenant(input.tenantId, async (tx) => {
    const user = await tx.users.findById(input.userId);
    const credential = user && (await tx.credentials.find(user.id));
    return user && credential && { user, credential };
  });
  if (found === undefined) throw userNotFound();
  const attempt = { tenantId: input.tenantId, ip: context.ip, account: found.user.email };
  const verdict = await deps.throttle.begin(attempt);
  if (!verdict.allowed) throw tooManyAttempts();
  const password = typeof input.password === 'string' ? input.password : '';
  if (!(await deps.hasher.verify(found.credential.passwordHash, password))) throw invalidCredentials();
  await deps.throttle.succeeded(attempt);

  const now = deps.clock.now();
  const revoked = await deps.store.inTenant(input.tenantId, async (tx) => {
    const families = await tx.refreshFamilies.revokeAllOfUser(input.userId, 'account-deleted', now);
    await tx.credentials.remove(input.userId);
    if (!(await tx.users.markDeleted(input.userId, now))) throw userNotFound(); // deleted concurrently
    await tx.enqueue({
      topic: USER_EVENTS_TOPIC,
      event: {
        type: USER_DELETED_TYPE,
        source: deps.config.eventSource,
        tenantId: input.tenantId,
        subject: input.userId,
        data: UserDeleted.toJSON({
          userId: input.userId,
          tenantId: input.tenantId,
          deletedAt: protoTimestamp(now),
        }),
      },
    });
    return families;
  });
  return { revokedSessions: revoked.length };
}
