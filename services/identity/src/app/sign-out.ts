import { hashRefreshToken, parseRefreshToken, refreshTokenHashesEqual } from '../domain/refresh-token.js';
import type { IdentityDeps } from './ports.js';

export interface SignOutInput {
  readonly tenantId: string;
  readonly refreshToken: unknown;
}

/**
 * Ends one session: revokes the refresh family of the presented token (its current or any remembered used
 * token — whoever holds an old one could revoke it through reuse detection anyway). A family id alone, a
 * forged or malformed token, or an already ended session change nothing: `{ signedOut: false }` (the edge
 * answers the same either way, so sign-out reveals nothing).
 */
export async function signOut(
  deps: Pick<IdentityDeps, 'store' | 'clock'>,
  input: SignOutInput,
): Promise<{ readonly signedOut: boolean }> {
  const presented = parseRefreshToken(input.refreshToken);
  if (presented === undefined) return { signedOut: false };
  const hash = hashRefreshToken(presented.value);
  const signedOut = await deps.store.inTenant(input.tenantId, async (tx) => {
    const family = await tx.refreshFamilies.find(presented.familyId);
    if (family === undefined) return false;
    const issuedHere = [family.currentHash, ...family.usedHashes].some((known) =>
      refreshTokenHashesEqual(hash, known),
    );
    return issuedHere && tx.refreshFamilies.revoke(family.familyId, 'sign-out', deps.clock.now());
  });
  return { signedOut };
}
