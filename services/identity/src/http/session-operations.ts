import type { Principal } from '@shopstream/service-defaults/auth';
import { isDomainError, DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { SessionActorClient } from '../api/session-actor-client.js';
import { changePassword } from '../app/change-password.js';
import { deleteAccount } from '../app/delete-account.js';
import { getUser } from '../app/get-user.js';
import type { IdentityDeps } from '../app/identity-deps.js';
import { refresh } from '../app/refresh.js';
import type { SessionTokens } from '../app/session-tokens.js';
import { signIn } from '../app/sign-in.js';
import { signOut } from '../app/sign-out.js';
import { signOutEverywhere } from '../app/sign-out-everywhere.js';
import { signOutSession } from '../app/sign-out-session.js';
import { signUp } from '../app/sign-up.js';
import { parseRefreshToken } from '../domain/refresh-token.js';

/** A browser session ends after this long without a refresh (SessionActor's idle reminder). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;

export const sessionEnded = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.SessionEnded',
    'The session has ended; sign in again.',
  );

export interface SessionOperationsDeps {
  readonly deps: IdentityDeps;
  readonly sessions: SessionActorClient;
  /** Warnings only: never tokens, passwords or emails. */
  readonly logger: { warn(object: object, message: string): void };
}

/**
 * The browser flows, each keeping identity's refresh families and the user's SessionActor in step. The
 * token routes (`/auth/*`, JSON tokens) and the cookie routes (`/browser/*`, `__Host-` cookies + CSRF) are
 * thin adapters over these.
 */
export function createSessionOperations({ deps, sessions, logger }: SessionOperationsDeps) {
  /** Owner and session of a refresh token the use cases already accepted as issued by us. */
  const familyOf = async (tenantId: string, refreshToken: string) => {
    const presented = parseRefreshToken(refreshToken);
    if (presented === undefined) return undefined;
    return deps.store.inTenant(tenantId, (tx) => tx.refreshFamilies.find(presented.familyId));
  };

  return {
    signUp: (tenantId: string, body: { email: unknown; password: unknown }) =>
      signUp(deps, { ...body, tenantId }),

    async signIn(
      tenantId: string,
      credentials: { email: unknown; password: unknown },
      context: { ip: string; device: string },
    ): Promise<SessionTokens> {
      const tokens = await signIn(
        deps,
        { ...credentials, tenantId },
        { ip: context.ip, deviceLabel: context.device },
      );
      try {
        // Evicted sessions (over the actor's cap) need no action here: their next refresh finds them
        // inactive in `touch` and revokes their family.
        await sessions.forUser(tenantId, tokens.userId).open({
          sessionId: tokens.sessionId,
          device: context.device,
          idleTimeoutMs: SESSION_IDLE_TIMEOUT_MS,
        });
      } catch (error) {
        // No half-open sessions: without the actor's record the refresh family must not live on.
        await signOut(deps, { tenantId, refreshToken: tokens.refreshToken });
        throw error;
      }
      return tokens;
    },

    async refresh(tenantId: string, refreshToken: string): Promise<SessionTokens> {
      let tokens: SessionTokens;
      try {
        tokens = await refresh(deps, { tenantId, refreshToken });
      } catch (error) {
        if (isDomainError(error) && error.code === 'Identity.RefreshReused') {
          // The family is revoked already; end the session the stolen chain belonged to as well.
          const family = await familyOf(tenantId, refreshToken);
          if (family !== undefined) {
            await sessions
              .forUser(tenantId, family.userId)
              .revoke({ sessionId: family.sessionId, reason: 'reuse-detected' })
              .catch((actorError: unknown) =>
                logger.warn(
                  { err: actorError, sessionId: family.sessionId },
                  'revoking a reused session failed',
                ),
              );
          }
        }
        throw error;
      }
      // Rotated first (only a verified token may touch the actor); a session the actor no longer holds
      // (idle-expired, revoked, evicted) ends its refresh family too.
      const activity = await sessions.forUser(tenantId, tokens.userId).touch({ sessionId: tokens.sessionId });
      if (!activity.active) {
        await signOut(deps, { tenantId, refreshToken: tokens.refreshToken });
        throw sessionEnded();
      }
      return tokens;
    },

    /** Ends the session of `refreshToken`; the same (silent) outcome for unknown or ended tokens. */
    async signOut(tenantId: string, refreshToken: string): Promise<void> {
      const { signedOut } = await signOut(deps, { tenantId, refreshToken });
      if (!signedOut) return;
      const family = await familyOf(tenantId, refreshToken);
      if (family !== undefined) {
        await sessions
          .forUser(tenantId, family.userId)
          .revoke({ sessionId: family.sessionId, reason: 'sign-out' });
      }
    },

    async signOutEverywhere(principal: Principal) {
      const { tenantId, userId } = principal;
      const { revokedSessions } = await signOutEverywhere(deps, { tenantId, userId });
      const { revokedSessionIds } = await sessions
        .forUser(tenantId, userId)
        .revokeAll({ reason: 'sign-out-everywhere' });
      return { revokedSessions, revokedSessionIds };
    },

    /** The signed-in user's own profile (the account page): the only route that returns the email. */
    async profile(principal: Principal) {
      const user = await getUser(deps, { tenantId: principal.tenantId, userId: principal.userId });
      return {
        userId: user.id,
        email: user.email,
        roles: user.roles,
        admin: user.admin,
        createdAt: new Date(user.createdAt).toISOString(),
      };
    },

    async listSessions(principal: Principal) {
      const { sessions: active } = await sessions.forUser(principal.tenantId, principal.userId).list();
      return {
        sessions: active.map((session) => ({
          ...session,
          current: session.sessionId === principal.sessionId,
        })),
      };
    },

    /** "Sign out this device" for any one of the user's own sessions (the current one included). */
    async signOutSession(principal: Principal, sessionId: unknown) {
      const { tenantId, userId } = principal;
      const result = await signOutSession(deps, { tenantId, userId, sessionId });
      await sessions.forUser(tenantId, userId).revoke({ sessionId: result.sessionId, reason: 'sign-out' });
      return result;
    },

    /** Changes the password; every other session of the user ends, the asking one stays signed in. */
    async changePassword(
      principal: Principal,
      body: { currentPassword: unknown; newPassword: unknown },
      ip: string,
    ) {
      const { tenantId, userId, sessionId } = principal;
      const result = await changePassword(
        deps,
        { tenantId, userId, ...(sessionId && { sessionId }), ...body },
        { ip },
      );
      await sessions
        .forUser(tenantId, userId)
        .revokeAll({ reason: 'password-changed', ...(sessionId && { exceptSessionId: sessionId }) });
      return result;
    },

    async deleteAccount(principal: Principal, password: unknown, ip: string) {
      const { tenantId, userId } = principal;
      const result = await deleteAccount(deps, { tenantId, userId, password }, { ip });
      await sessions
        .forUser(tenantId, userId)
        .revokeAll({ reason: 'account-deleted' })
        .catch((error: unknown) => logger.warn({ err: error }, "ending a deleted account's sessions failed"));
      return result;
    },
  };
}

export type SessionOperations = ReturnType<typeof createSessionOperations>;
