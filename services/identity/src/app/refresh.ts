import { decideRefresh } from '../domain/refresh-family.js';
import { newRefreshSecret, parseRefreshToken } from '../domain/refresh-token.js';
import type { IdentityDeps } from './ports.js';
import { invalidRefreshToken, refreshContention, refreshReused } from '../domain/identity-errors.js';
import { sessionTokens, type SessionTokens } from './session-tokens.js';

export interface RefreshInput {
  readonly tenantId: string;
  readonly refreshToken: unknown;
}

/** Compare-and-set attempts before giving up with a retryable `Identity.RefreshContention`. */
const MAX_ATTEMPTS = 5;

/**
 * Rotates a refresh token (RFC 9700 §4.14.2, ADR 10), applying `decideRefresh` with compare-and-set on
 * the family's generation:
 * - current token → a new refresh token and access token; the presented one becomes used;
 * - the token rotated away last, within `refreshGraceMs` → the SAME successor again (no state change);
 * - any other used token → the family is revoked (its current token dies too): `Identity.RefreshReused`;
 * - malformed, unknown, revoked, expired, or the user is gone → `Identity.InvalidRefreshToken`.
 * When a concurrent refresh wins the write, the decision is re-made on the new state (so the loser of a
 * two-tab race gets `grace` and the winner's token).
 */
export async function refresh(
  deps: Pick<IdentityDeps, 'store' | 'keys' | 'clock' | 'config'>,
  input: RefreshInput,
): Promise<SessionTokens> {
  const presented = parseRefreshToken(input.refreshToken);
  if (presented === undefined) throw invalidRefreshToken();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const now = deps.clock.now();
    const outcome = await deps.store.inTenant(input.tenantId, async (tx) => {
      const family = await tx.refreshFamilies.find(presented.familyId);
      const user = family && (await tx.users.findById(family.userId));
      // No family, or its account is gone (deleted users get no tokens): nothing to change.
      if (family === undefined || user === undefined) return { kind: 'unknown' } as const;
      const decision = decideRefresh(family, presented.value, {
        now,
        nextSecret: newRefreshSecret(),
        graceMs: deps.config.refreshGraceMs,
      });
      switch (decision.kind) {
        case 'rotate':
        case 'reuse-detected': {
          const stored = await tx.refreshFamilies.compareAndSet(
            family.familyId,
            family.generation,
            decision.nextState,
          );
          if (!stored) return { kind: 'conflict' } as const;
          return decision.kind === 'reuse-detected'
            ? ({ kind: 'reused' } as const)
            : ({ kind: 'tokens', user, family: decision.nextState, token: decision.newToken } as const);
        }
        case 'grace':
          return { kind: 'tokens', user, family, token: decision.token } as const;
        default:
          return { kind: 'unknown' } as const;
      }
    });
    switch (outcome.kind) {
      case 'tokens':
        return sessionTokens(deps, outcome.user, outcome.family, outcome.token, now);
      case 'reused':
        throw refreshReused();
      case 'unknown':
        throw invalidRefreshToken();
      case 'conflict':
        continue;
    }
  }
  throw refreshContention();
}
