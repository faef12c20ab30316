import { SESSION_IDLE_TIMEOUT_MS, type BrowserSessionDeps } from './browser-session-deps.js';
import type { SessionTokens } from './session-tokens.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';

export interface BrowserSignIn {
  readonly tenantId: string;
  readonly credentials: { readonly email: unknown; readonly password: unknown };
  /** Client IP (per-IP throttle) and the device label shown in the session list. */
  readonly ip: string;
  readonly device: string;
}

/**
 * Sign-in for a browser: a new refresh family (identity's Postgres) AND the session's record in the user's
 * SessionActor, or neither. The family is written first (only verified credentials reach the actor); when
 * the actor cannot open the session, the compensation signs the family out again and the error is passed on:
 * no half-open sessions.
 */
export async function startBrowserSession(
  { deps, sessions }: Pick<BrowserSessionDeps, 'deps' | 'sessions'>,
  { tenantId, credentials, ip, device }: BrowserSignIn,
): Promise<SessionTokens> {
  const tokens = await signIn(deps, { ...credentials, tenantId }, { ip, deviceLabel: device });
  try {
    // Evicted sessions (over the actor's cap) need no action here: their next refresh finds them inactive
    // in `touch` and revokes their family.
    await sessions.forUser(tenantId, tokens.userId).open({
      sessionId: tokens.sessionId,
      device,
      idleTimeoutMs: SESSION_IDLE_TIMEOUT_MS,
    });
  } catch (error) {
    // Compensation: without the actor's record the refresh family must not live on.
    await signOut(deps, { tenantId, refreshToken: tokens.refreshToken });
    throw error;
  }
  return tokens;
}
