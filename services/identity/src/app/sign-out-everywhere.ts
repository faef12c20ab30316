import type { IdentityDeps } from './ports.js';

export interface SignOutEverywhereInput {
  /** From the verified access token's principal. */
  readonly tenantId: string;
  readonly userId: string;
}

/**
 * Revokes every live refresh family (= every session on every device) of the user in one statement;
 * already-issued access tokens expire on their own (minutes). Returns how many sessions ended.
 */
export async function signOutEverywhere(
  deps: Pick<IdentityDeps, 'store' | 'clock'>,
  input: SignOutEverywhereInput,
): Promise<{ readonly revokedSessions: number }> {
  const revoked = await deps.store.inTenant(input.tenantId, (tx) =>
    tx.refreshFamilies.revokeAllOfUser(input.userId, 'sign-out-everywhere', deps.clock.now()),
  );
  return { revokedSessions: revoked.length };
}
