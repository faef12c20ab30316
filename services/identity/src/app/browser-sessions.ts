import type { Principal } from '@shopstream/service-defaults/auth';
import type { BrowserSessionDeps } from './browser-session-deps.js';
import { changePassword } from './change-password.js';
import { deleteAccount } from './delete-account.js';
import { familyOfToken } from './family-of-token.js';
import { getUser } from './get-user.js';
import { refreshBrowserSession } from './refresh-browser-session.js';
import { signOut } from './sign-out.js';
import { signOutEverywhere } from './sign-out-everywhere.js';
import { signOutSession } from './sign-out-session.js';
import { signUp } from './sign-up.js';
import { startBrowserSession } from './start-browser-session.js';

/**
 * The browser flows of identity-sessions as one object, each keeping identity's refresh families and the
 * user's SessionActor in step. The token routes (`/auth/*`, JSON tokens) and the cookie routes
 * (`/browser/*`, `__Host-` cookies + CSRF) in adapters/http are thin adapters over it. Sign-in and refresh
 * have their own files (start-browser-session.ts with its compensation, refresh-browser-session.ts).
 */
export function createBrowserSessions(context: BrowserSessionDeps) {
  const { deps, sessions, logger } = context;
  return {
    signUp: (tenantId: string, body: { email: unknown; password: unknown }) =>
      signUp(deps, { ...body, tenantId }),

    signIn: (
      tenantId: string,
      credentials: { email: unknown; password: unknown },
      { ip, device }: { ip: string; device: string },
    ) => startBrowserSession(context, { tenantId, credentials, ip, device }),

    refresh: (tenantId: string, refreshToken: string) =>
      refreshBrowserSession(context, tenantId, refreshToken),

    /** Ends the session of `refreshToken`; the same (silent) outcome for unknown or ended tokens. */
    async signOut(tenantId: string, refreshToken: string): Promise<void> {
      const { signedOut } = await signOut(deps, { tenantId, refreshToken });
      if (!signedOut) return;
      const family = await familyOfToken(deps, tenantId, refreshToken);
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

export type BrowserSessions = ReturnType<typeof createBrowserSessions>;
