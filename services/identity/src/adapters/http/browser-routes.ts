import { isIP } from 'node:net';
import type { DaprServer } from '@dapr/dapr';
import { z } from 'zod';
import { DomainError, ErrorKind, jsonRoute, type JsonRequest } from '@shopstream/service-defaults';
import {
  bearerToken,
  missingToken,
  tenantIdSchema,
  type Principal,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import type { SessionTokens } from '../../app/session-tokens.js';
import type { BrowserSessions } from '../../app/browser-sessions.js';

export const TENANT_HEADER = 'x-tenant-id';

export interface BrowserRoutesDeps {
  readonly operations: BrowserSessions;
  readonly verifier: TokenVerifier;
}

// Bodies: the shape is checked here (no extra keys); email and password are validated by the use cases'
// own schemas, which report field errors on `email` / `password` without echoing the values.
export const signUpBody = z.strictObject({ email: z.unknown(), password: z.unknown() });
export const signInBody = z.strictObject({
  email: z.unknown(),
  password: z.unknown(),
  device: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});
const refreshTokenBody = z.strictObject({
  refreshToken: z.string().min(1, 'is required').max(512, 'is too long'),
});
export const changePasswordBody = z.strictObject({ currentPassword: z.unknown(), newPassword: z.unknown() });
export const deleteAccountBody = z.strictObject({ password: z.unknown() });

export function parseBody<T extends z.ZodType>(schema: T, body: unknown, code: string): z.output<T> {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw DomainError.fromZod(code, result.error);
  return result.data;
}

export function header(req: JsonRequest, name: string): string | undefined {
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
 * The browser flows for token clients as JSON routes on `identity-sessions` (service invocation
 * `/v1.0/invoke/identity-sessions/method/auth/...`): tokens in the JSON bodies, the access token as
 * `Authorization: Bearer`. Browsers use the cookie routes (`/browser/*`) instead. Tenant from
 * `x-tenant-id`; errors are problem+json (`jsonRoute`).
 */
export function registerBrowserRoutes(server: DaprServer, { operations, verifier }: BrowserRoutesDeps): void {
  /** The verified principal of `Authorization: Bearer <access token>`, of the request's tenant. */
  const principalOf = async (req: JsonRequest): Promise<Principal> => {
    const tenantId = tenantOf(req);
    const token = bearerToken(header(req, 'authorization'));
    if (token === undefined) throw missingToken();
    return verifier.verify(token, { expectedTenant: tenantId });
  };

  jsonRoute(server, 'post', '/auth/sign-up', async (req) => {
    const tenantId = tenantOf(req);
    const { userId } = await operations.signUp(
      tenantId,
      parseBody(signUpBody, req.body, 'Identity.InvalidSignUp'),
    );
    return { userId };
  });

  jsonRoute(server, 'post', '/auth/sign-in', async (req) => {
    const tenantId = tenantOf(req);
    const { device, ...credentials } = parseBody(signInBody, req.body, 'Identity.InvalidSignIn');
    return tokenResponse(await operations.signIn(tenantId, credentials, { ip: clientIpOf(req), device }));
  });

  jsonRoute(server, 'post', '/auth/refresh', async (req) => {
    const tenantId = tenantOf(req);
    const { refreshToken } = parseBody(refreshTokenBody, req.body, 'Identity.InvalidRefresh');
    return tokenResponse(await operations.refresh(tenantId, refreshToken));
  });

  jsonRoute(server, 'post', '/auth/sign-out', async (req) => {
    const tenantId = tenantOf(req);
    const { refreshToken } = parseBody(refreshTokenBody, req.body, 'Identity.InvalidSignOut');
    await operations.signOut(tenantId, refreshToken);
    return undefined; // the same answer either way: sign-out reveals nothing about the token
  });

  jsonRoute(server, 'post', '/auth/sign-out-everywhere', async (req) =>
    operations.signOutEverywhere(await principalOf(req)),
  );

  jsonRoute(server, 'get', '/auth/me', async (req) => operations.profile(await principalOf(req)));

  jsonRoute(server, 'get', '/auth/sessions', async (req) => operations.listSessions(await principalOf(req)));

  jsonRoute(server, 'post', '/auth/sessions/:sessionId/sign-out', async (req) =>
    operations.signOutSession(await principalOf(req), req.params.sessionId),
  );

  jsonRoute(server, 'post', '/auth/change-password', async (req) => {
    const principal = await principalOf(req);
    const body = parseBody(changePasswordBody, req.body, 'Identity.InvalidPasswordChange');
    return operations.changePassword(principal, body, clientIpOf(req));
  });

  jsonRoute(server, 'post', '/auth/delete-account', async (req) => {
    const principal = await principalOf(req);
    const { password } = parseBody(deleteAccountBody, req.body, 'Identity.InvalidAccountDeletion');
    return operations.deleteAccount(principal, password, clientIpOf(req));
  });
}
