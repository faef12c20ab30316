import { createHash, randomUUID } from 'node:crypto';
import { startRefreshFamily } from '../domain/refresh-family.js';
import { parseSignIn } from '../domain/sign-in.js';
import type { IdentityDeps } from './ports.js';
import { invalidCredentials, tooManyAttempts } from '../domain/identity-errors.js';
import { sessionTokens, type SessionTokens } from './session-tokens.js';

export interface SignInContext {
  /** Client IP, for the per-IP rate limit (never stored in Postgres). */
  readonly ip: string;
  /** Optional device name shown in session lists; cut to 100 characters. */
  readonly deviceLabel?: string;
  /** Stored only as a SHA-256 digest. */
  readonly userAgent?: string;
}

/**
 * Email + password → access token, refresh token (a new family = a new session) and session id.
 * - The throttle is consulted (and the attempt counted) BEFORE any hashing: locked accounts and full
 *   windows get `Identity.TooManyAttempts` (rate_limited) without argon2 work.
 * - Unknown email, deleted user and wrong password all answer `Identity.InvalidCredentials` after one
 *   argon2 verification each (`verifyAgainstDummy` for unknown emails): same error, similar timing.
 * - A right password clears the account's failure count and lock, and upgrades an outdated hash.
 */
export async function signIn(
  deps: Pick<IdentityDeps, 'store' | 'hasher' | 'keys' | 'throttle' | 'clock' | 'config'>,
  input: unknown,
  context: SignInContext,
): Promise<SessionTokens> {
  const { tenantId, email, password } = parseSignIn(input);
  const attempt = { tenantId, ip: context.ip, account: email };
  const verdict = await deps.throttle.begin(attempt);
  if (!verdict.allowed) throw tooManyAttempts();

  const found = await deps.store.inTenant(tenantId, async (tx) => {
    const user = await tx.users.findByEmail(email);
    const credential = user && (await tx.credentials.find(user.id));
    return user && credential && { user, credential };
  });
  if (found === undefined) {
    await deps.hasher.verifyAgainstDummy(password);
    throw invalidCredentials();
  }
  if (!(await deps.hasher.verify(found.credential.passwordHash, password))) throw invalidCredentials();
  await deps.throttle.succeeded(attempt);

  const { user } = found;
  const now = deps.clock.now();
  const rehash = deps.hasher.needsRehash(found.credential.passwordHash)
    ? await deps.hasher.hash(password)
    : undefined;
  const { state, token } = startRefreshFamily({
    userId: user.id,
    tenantId,
    sessionId: randomUUID(),
    now,
    lifetimeMs: deps.config.refreshLifetimeMs,
  });
  await deps.store.inTenant(tenantId, async (tx) => {
    await tx.refreshFamilies.insert(state, {
      ...(context.deviceLabel === undefined
        ? {}
        : { deviceLabel: [...context.deviceLabel].slice(0, 100).join('') }),
      ...(context.userAgent === undefined
        ? {}
        : { userAgentHash: createHash('sha256').update(context.userAgent, 'utf8').digest('base64url') }),
    });
    if (rehash !== undefined)
      await tx.credentials.update({ userId: user.id, passwordHash: rehash, updatedAt: now });
  });
  return sessionTokens(deps, user, state, token, now);
}
