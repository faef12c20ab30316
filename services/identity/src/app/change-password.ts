import { checkNewPassword } from '../domain/password-policy.js';
import type { IdentityDeps } from './ports.js';
import { invalidCredentials, tooManyAttempts, userNotFound } from '../domain/identity-errors.js';

export interface ChangePasswordInput {
  /** From the verified access token's principal. */
  readonly tenantId: string;
  readonly userId: string;
  /** The session asking (the token's `sid`): it stays signed in, every other session is revoked. */
  readonly sessionId?: string;
  readonly currentPassword: unknown;
  readonly newPassword: unknown;
}

/**
 * Changes the password of a signed-in user:
 * 1. the new password must pass the policy (and not be the email or its local part) — checked first,
 *    without argon2 work or a counted attempt;
 * 2. the current password is verified under the same throttle as sign-in (a stolen access token is not a
 *    free password oracle): wrong → `Identity.InvalidCredentials`, locked → `Identity.TooManyAttempts`;
 * 3. the new hash is stored and every other session of the user is revoked, in one transaction.
 */
export async function changePassword(
  deps: Pick<IdentityDeps, 'store' | 'hasher' | 'throttle' | 'clock'>,
  input: ChangePasswordInput,
  context: { readonly ip: string },
): Promise<{ readonly revokedSessions: number }> {
  const found = await deps.store.inTenant(input.tenantId, async (tx) => {
    const user = await tx.users.findById(input.userId);
    const credential = user && (await tx.credentials.find(user.id));
    return user && credential && { user, credential };
  });
  if (found === undefined) throw userNotFound();
  const { user, credential } = found;
  const localPart = user.email.slice(0, user.email.lastIndexOf('@'));
  const newPassword = checkNewPassword(input.newPassword, { context: [user.email, localPart] });

  const attempt = { tenantId: input.tenantId, ip: context.ip, account: user.email };
  const verdict = await deps.throttle.begin(attempt);
  if (!verdict.allowed) throw tooManyAttempts();
  const current = typeof input.currentPassword === 'string' ? input.currentPassword : '';
  if (!(await deps.hasher.verify(credential.passwordHash, current))) throw invalidCredentials();
  await deps.throttle.succeeded(attempt);

  const passwordHash = await deps.hasher.hash(newPassword);
  const now = deps.clock.now();
  const revoked = await deps.store.inTenant(input.tenantId, async (tx) => {
    if (!(await tx.credentials.update({ userId: user.id, passwordHash, updatedAt: now }))) {
      throw userNotFound();
    }
    return tx.refreshFamilies.revokeAllOfUser(user.id, 'password-changed', now, input.sessionId);
  });
  return { revokedSessions: revoked.length };
}
