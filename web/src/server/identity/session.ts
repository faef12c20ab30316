import 'server-only';
import type { Principal, TokenVerifier } from '@shopstream/service-defaults/auth';
import { cookies } from 'next/headers';
import { webConfig } from '../config';
import { requestContext } from '../request-context';
import { ACCESS_COOKIE, CSRF_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';

let verifier: Promise<TokenVerifier> | undefined;

/**
 * Verifies tokens locally with identity's JWKS, fetched through the web app's sidecar and cached.
 * service-defaults is TypeScript source: Node (with tsx, see src/server/main.ts) loads it at run time,
 * the bundler leaves it alone.
 */
function tokenVerifier(): Promise<TokenVerifier> {
  verifier ??= (async () => {
    const config = webConfig();
    const auth = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/service-defaults/auth'
    );
    return auth.createSidecarTokenVerifier({
      daprHttpPort: config.DAPR_HTTP_PORT,
      daprApiToken: config.DAPR_API_TOKEN,
    });
  })();
  return verifier;
}

/** The signed-in user of this request (a verified access token for this host's tenant), or undefined. */
export async function currentPrincipal(): Promise<Principal | undefined> {
  const token = (await cookies()).get(ACCESS_COOKIE)?.value;
  if (!token) return undefined;
  const { tenantId } = await requestContext();
  try {
    return await (await tokenVerifier()).verify(token, { expectedTenant: tenantId });
  } catch (error) {
    // The error's code only (Auth.TokenExpired, Auth.WrongTenant …): never the token or who it belongs to.
    const code = (error as { code?: unknown }).code;
    process.stdout.write(
      `${JSON.stringify({ level: 'warn', time: new Date().toISOString(), service: 'web', msg: 'access token refused', code: typeof code === 'string' ? code : 'unknown' })}\n`,
    );
    return undefined;
  }
}

/** The CSRF token of the session, rendered into the page's forms as a hidden field (adr/0018). */
export async function csrfToken(): Promise<string> {
  return (await cookies()).get(CSRF_COOKIE)?.value ?? '';
}

/** Back-office access: the tenant admin flag or any `catalog.admin:<region>` role. */
export function isCatalogAdmin(principal: Principal): boolean {
  return principal.admin || principal.roles.some((role) => role.startsWith('catalog.admin:'));
}

/** Orders' back office (the orders list, timelines, refunds): the tenant admin flag or `orders.admin`. */
export function isOrdersAdmin(principal: Principal): boolean {
  return principal.admin || principal.roles.includes('orders.admin');
}
