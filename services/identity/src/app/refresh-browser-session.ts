import { isDomainError } from '@shopstream/service-defaults';
import { sessionEnded } from '../domain/identity-errors.js';
import type { BrowserSessionDeps } from './browser-session-deps.js';
import { familyOfToken } from './family-of-token.js';
import { refresh } from './refresh.js';
import type { SessionTokens } from './session-tokens.js';
import { signOut } from './sign-out.js';

/**
 * Rotates a browser session's refresh token and keeps SessionActor in step: a reused token (the family is
 * revoked by `refresh`) also ends the actor's session; a session the actor no longer holds (idle-expired,
 * revoked, evicted) ends its refresh family and answers `Identity.SessionEnded`.
 */
export async function refreshBrowserSession(
  { deps, sessions, logger }: BrowserSessionDeps,
  tenantId: string,
  refreshToken: string,
): Promise<SessionTokens> {
  let tokens: SessionTokens;
  try {
    tokens = await refresh(deps, { tenantId, refreshToken });
  } catch (error) {
    if (isDomainError(error) && error.code === 'Identity.RefreshReused') {
      // The family is revoked already; end the session the stolen chain belonged to as well.
      const family = await familyOfToken(deps, tenantId, refreshToken);
      if (family !== undefined) {
        await sessions
          .forUser(tenantId, family.userId)
          .revoke({ sessionId: family.sessionId, reason: 'reuse-detected' })
          .catch((actorError: unknown) =>
            logger.warn({ err: actorError, sessionId: family.sessionId }, 'revoking a reused session failed'),
          );
      }
    }
    throw error;
  }
  // Rotated first (only a verified token may touch the actor).
  const activity = await sessions.forUser(tenantId, tokens.userId).touch({ sessionId: tokens.sessionId });
  if (!activity.active) {
    await signOut(deps, { tenantId, refreshToken: tokens.refreshToken });
    throw sessionEnded();
  }
  return tokens;
}
