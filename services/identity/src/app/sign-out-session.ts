import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { IdentityDeps } from './ports.js';

export interface SignOutSessionInput {
  /** From the verified access token's principal: only the user's own sessions can be ended. */
  readonly tenantId: string;
  readonly userId: string;
  /** A session id as listed on the account page (the principal's own one included). */
  readonly sessionId: unknown;
}

export const SESSION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

export const sessionNotFound = (): DomainError =>
  new DomainError(ErrorKind.NotFound, 'Identity.SessionNotFound', 'There is no such active session.');

/**
 * "Sign out this device" from the account page: revokes the refresh family of one of the user's sessions
 * (that device's next refresh fails; its access token expires within minutes). Another user's session id
 * or an ended session → `Identity.SessionNotFound`, the same answer either way.
 */
export async function signOutSession(
  deps: Pick<IdentityDeps, 'store' | 'clock'>,
  input: SignOutSessionInput,
): Promise<{ readonly sessionId: string }> {
  const { sessionId } = input;
  if (typeof sessionId !== 'string' || !SESSION_ID_PATTERN.test(sessionId)) {
    throw new DomainError(ErrorKind.Validation, 'Identity.InvalidSessionId', 'The session id is invalid.', {
      fields: [{ field: 'sessionId', detail: 'is not a session id' }],
    });
  }
  const revoked = await deps.store.inTenant(input.tenantId, (tx) =>
    tx.refreshFamilies.revokeSession(input.userId, sessionId, 'signed-out-remotely', deps.clock.now()),
  );
  if (!revoked) throw sessionNotFound();
  return { sessionId };
}
