import type { DaprServer } from '@dapr/dapr';
import {
  ErrorKind,
  isDomainError,
  jsonReply,
  jsonRoute,
  type JsonRequest,
} from '@shopstream/service-defaults';
import { missingToken, type Principal, type TokenVerifier } from '@shopstream/service-defaults/auth';
import type { SessionTokens } from '../../app/session-tokens.js';
import {
  changePasswordBody,
  clientIpOf,
  deleteAccountBody,
  header,
  parseBody,
  signInBody,
  tenantOf,
} from './browser-routes.js';
import {
  checkCsrf,
  clearedSessionCookies,
  CSRF_HEADER,
  csrfTokenFor,
  readSessionCookies,
  sessionCookies,
} from './session-cookies.js';
import type { BrowserSessions } from '../../app/browser-sessions.js';

export interface CookieRoutesDeps {
  readonly operations: BrowserSessions;
  readonly verifier: TokenVerifier;
}

const clearCookies = { 'set-cookie': clearedSessionCookies() } as const;

/** What the page may know: never the tokens (they stay in HttpOnly cookies). */
function sessionReply(tokens: SessionTokens) {
  return jsonReply(
    {
      sessionId: tokens.sessionId,
      expiresAt: tokens.accessTokenExpiresAt,
      refreshExpiresAt: tokens.refreshTokenExpiresAt,
      csrfToken: csrfTokenFor(tokens.refreshToken),
    },
    { 'set-cookie': sessionCookies(tokens) },
  );
}

/**
 * The browser flows with the session in `__Host-` cookies (session-cookies.ts), for the web BFF, which
 * forwards the browser's `Cookie` and `x-csrf-token` headers and relays `Set-Cookie` back unchanged.
 * Every mutation made with the session's cookies needs the CSRF header (signed double submit); sign-in
 * has no session yet, so the BFF guards it (and every route) with an Origin check. A failed refresh or a
 * sign-out clears the cookies.
 */
export function registerCookieRoutes(server: DaprServer, { operations, verifier }: CookieRoutesDeps): void {
  const cookiesOf = (req: JsonRequest) => readSessionCookies(header(req, 'cookie'));

  /** CSRF first, before anything else is looked at, for every cookie-authenticated mutation. */
  const guardMutation = (req: JsonRequest) => {
    const { refreshToken } = cookiesOf(req);
    checkCsrf(refreshToken, header(req, CSRF_HEADER));
  };

  const principalOf = async (req: JsonRequest): Promise<Principal> => {
    const tenantId = tenantOf(req);
    const { accessToken } = cookiesOf(req);
    if (accessToken === undefined) throw missingToken();
    return verifier.verify(accessToken, { expectedTenant: tenantId });
  };

  jsonRoute(server, 'post', '/browser/sign-in', async (req) => {
    const tenantId = tenantOf(req);
    const { device, ...credentials } = parseBody(signInBody, req.body, 'Identity.InvalidSignIn');
    return sessionReply(await operations.signIn(tenantId, credentials, { ip: clientIpOf(req), device }));
  });

  jsonRoute(
    server,
    'post',
    '/browser/refresh',
    async (req) => {
      const tenantId = tenantOf(req);
      guardMutation(req);
      const { refreshToken } = cookiesOf(req);
      return sessionReply(await operations.refresh(tenantId, refreshToken ?? ''));
    },
    // An ended session's cookies are useless: clear them (not on a CSRF or validation failure).
    { errorHeaders: (error) => (isUnauthenticated(error) ? clearCookies : undefined) },
  );

  jsonRoute(server, 'post', '/browser/sign-out', async (req) => {
    const tenantId = tenantOf(req);
    guardMutation(req);
    await operations.signOut(tenantId, cookiesOf(req).refreshToken ?? '');
    return jsonReply(undefined, clearCookies);
  });

  jsonRoute(server, 'post', '/browser/sign-out-everywhere', async (req) => {
    guardMutation(req);
    return jsonReply(await operations.signOutEverywhere(await principalOf(req)), clearCookies);
  });

  jsonRoute(server, 'get', '/browser/me', async (req) => operations.profile(await principalOf(req)));

  jsonRoute(server, 'get', '/browser/sessions', async (req) =>
    operations.listSessions(await principalOf(req)),
  );

  jsonRoute(server, 'post', '/browser/sessions/:sessionId/sign-out', async (req) => {
    guardMutation(req);
    const principal = await principalOf(req);
    const result = await operations.signOutSession(principal, req.params.sessionId);
    return result.sessionId === principal.sessionId ? jsonReply(result, clearCookies) : result;
  });

  jsonRoute(server, 'post', '/browser/change-password', async (req) => {
    guardMutation(req);
    const principal = await principalOf(req);
    const body = parseBody(changePasswordBody, req.body, 'Identity.InvalidPasswordChange');
    return operations.changePassword(principal, body, clientIpOf(req));
  });

  jsonRoute(server, 'post', '/browser/delete-account', async (req) => {
    guardMutation(req);
    const principal = await principalOf(req);
    const { password } = parseBody(deleteAccountBody, req.body, 'Identity.InvalidAccountDeletion');
    return jsonReply(await operations.deleteAccount(principal, password, clientIpOf(req)), clearCookies);
  });
}

function isUnauthenticated(error: unknown): boolean {
  return isDomainError(error) && error.kind === ErrorKind.Unauthenticated;
}
