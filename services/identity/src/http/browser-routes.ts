import { isIP } from 'node:net';
import type { DaprServer } from '@dapr/dapr';
import { z } from 'zod';
import {
  DomainError,
  ErrorKind,
  isDomainError,
  jsonRoute,
  type JsonRequest,
} from '@shopstream/service-defaults';
import {
  bearerToken,
  missingToken,
  tenantIdSchema,
  type Principal,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import type { SessionActorClient } from '../api/session-actor-client.js';
import type { IdentityDeps } from '../app/identity-deps.js';
import { refresh } from '../app/refresh.js';
import type { SessionTokens } from '../app/session-tokens.js';
import { signIn } from '../app/sign-in.js';
import { signOut } from '../app/sign-out.js';
import { signOutEverywhere } from '../app/sign-out-everywhere.js';
import { signUp } from '../app/sign-up.js';
import { parseRefreshToken } from '../domain/refresh-token.js';

/** A browser session ends after this long without a refresh (SessionActor's idle reminder). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;

export const TENANT_HEADER = 'x-tenant-id';

export interface BrowserRoutesDeps {
  readonly deps: IdentityDeps;
  readonly verifier: TokenVerifier;
  readonly sessions: SessionActorClient;
  /** Warnings only: never tokens, passwords or emails. */
  readonly logger: { warn(object: object, message: string): void };
}

export const sessionEnded = (): DomainError =>
  new DomainError(
    ErrorKind.Unauthenticated,
    'Identity.SessionEnded',
    'The session has ended; sign in again.',
  );

// Bodies: the shape is checked here (no extra keys); email and password are validated by the use cases'
// own schemas, which report field errors on `email` / `password` without echoing the values.
const signUpBody = z.strictObject({ email: z.unknown(), password: z.unknown() });
const signInBody = z.strictObject({
  email: z.unknown(),
  password: z.unknown(),
  device: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
const refreshTokenBody = z.strictObject({
  refreshToken: z.string().min(1, 'is required').max(512, 'is too long'),
});

function parseBody<T extends z.ZodType>(schema: T, body: unknown, code: string): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw DomainError.fromZod(code, result.error);
  return result.data;
}

function header(req: JsonRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The tenant of the request: header `x-tenant-id` (set by the web BFF from the host), validated. */
export function tenantOf(req: JsonRequest): string {
  const value = header(req, TENANT_HEADER);
  const result = tenantIdSchema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError(ErrorKind.Validation, 'Identity.InvalidTenant', 'The tenant is missing or invalid.', {
    fields: [{ field: TENANT_HEADER, detail: value === undefined ? 'is required' : 'is invalid' }],
  });
}

/**
 * The client IP for the per-IP throttle: the first `x-forwarded-for` entry set by the web BFF. Without a
 * valid one, all such callers of a tenant share one bucket (`unknown`).
 */
export function clientIpOf(req: JsonRequest): string {
  const first = header(req, 'x-forwarded-for')?.split(',')[0]?.trim();
  return first !== undefined && isIP(first) !== 0 ? first : 'unknown';
}

function tokenResponse(tokens: SessionTokens) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    sessionId: tokens.sessionId,
    /** Access token `exp`, epoch seconds. */
    expiresAt: tokens.accessTokenExpiresAt,
    /** The session's absolute end (refresh family), epoch milliseconds: the cookie's lifetime. */
    refreshExpiresAt: tokens.refreshTokenExpiresAt,
  };
}

/**
 * The browser flows as JSON routes on `identity-sessions` (service invocation
 * `/v1.0/invoke/identity-sessions/method/auth/...`, called by the web BFF, which keeps the tokens in
 * cookies). Tenant from `x-tenant-id`; errors are problem+json (`jsonRoute`). SessionActor is called
 * through the local sidecar (actors are placed by Dapr, possibly on another instance).
 */
export function registerBrowserRoutes(server: DaprServer, routes: BrowserRoutesDeps): void {
  const { deps, verifier, sessions, logger } = routes;

  /** The verified principal of `Authorization: Bearer <access token>`, of the request's tenant. */
  const principalOf = async (req: JsonRequest, tenantId: string): Promise<Principal> => {
    const token = bearerToken(header(req, 'authorization'));
    if (token === undefined) throw missingToken();
    return verifier.verify(token, { expectedTenant: tenantId });
  };

  /** Owner and session of a refresh token the use cases already accepted as issued by us. */
  const familyOf = async (tenantId: string, refreshToken: string) => {
    const presented = parseRefreshToken(refreshToken);
    if (presented === undefined) return undefined;
    return deps.store.inTenant(tenantId, (tx) => tx.refreshFamilies.find(presented.familyId));
  };

  jsonRoute(server, 'post', '/auth/sign-up', async (req) => {
    const tenantId = tenantOf(req);
    const body = parseBody(signUpBody, req.body, 'Identity.InvalidSignUp');
    const { userId } = await signUp(deps, { ...body, tenantId });
    return { userId };
  });

  jsonRoute(server, 'post', '/auth/sign-in', async (req) => {
    const tenantId = tenantOf(req);
    const { device, ...credentials } = parseBody(signInBody, req.body, 'Identity.InvalidSignIn');
    const tokens = await signIn(
      deps,
      { ...credentials, tenantId },
      { ip: clientIpOf(req), deviceLabel: device },
    );
    try {
      // Evicted sessions (over the actor's cap) need no action here: their next refresh finds them
      // inactive in `touch` and revokes their family.
      await sessions
        .forUser(tenantId, tokens.userId)
        .open({ sessionId: tokens.sessionId, device, idleTimeoutMs: SESSION_IDLE_TIMEOUT_MS });
    } catch (error) {
      // No half-open sessions: without the actor's record the refresh family must not live on.
      await signOut(deps, { tenantId, refreshToken: tokens.refreshToken });
      throw error;
    }
    return tokenResponse(tokens);
  });

  jsonRoute(server, 'post', '/auth/refresh', async (req) => {
    const tenantId = tenantOf(req);
    const { refreshToken } = parseBody(refreshTokenBody, req.body, 'Identity.InvalidRefresh');
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
    return tokenResponse(tokens);
  });

  jsonRoute(server, 'post', '/auth/sign-out', async (req) => {
    const tenantId = tenantOf(req);
    const { refreshToken } = parseBody(refreshTokenBody, req.body, 'Identity.InvalidSignOut');
    const { signedOut } = await signOut(deps, { tenantId, refreshToken });
    if (signedOut) {
      const family = await familyOf(tenantId, refreshToken);
      if (family !== undefined) {
        await sessions
          .forUser(tenantId, family.userId)
          .revoke({ sessionId: family.sessionId, reason: 'sign-out' });
      }
    }
    // The same answer either way: sign-out reveals nothing about the token.
    return undefined;
  });

  jsonRoute(server, 'post', '/auth/sign-out-everywhere', async (req) => {
    const tenantId = tenantOf(req);
    const principal = await principalOf(req, tenantId);
    const { revokedSessions } = await signOutEverywhere(deps, { tenantId, userId: principal.userId });
    const { revokedSessionIds } = await sessions
      .forUser(tenantId, principal.userId)
      .revokeAll({ reason: 'sign-out-everywhere' });
    return { revokedSessions, revokedSessionIds };
  });

  jsonRoute(server, 'get', '/auth/sessions', async (req) => {
    const tenantId = tenantOf(req);
    const principal = await principalOf(req, tenantId);
    const { sessions: active } = await sessions.forUser(tenantId, principal.userId).list();
    return {
      sessions: active.map((session) => ({ ...session, current: session.sessionId === principal.sessionId })),
    };
  });
}
