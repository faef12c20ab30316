import { errors, jwtVerify, type JSONWebKeySet, type JWTHeaderParameters } from 'jose';
import { isDomainError } from '../errors/domain-error.js';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  accessTokenClaimsSchema,
  principalFromClaims,
} from './access-token-claims.js';
import { invalidToken, tokenExpired, wrongTenant } from './auth-errors.js';
import { MAX_TOKEN_LENGTH } from './bearer-token.js';
import { createJwksCache } from './jwks-cache.js';
import type { Principal } from './principal.js';

export interface TokenVerifierOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Loads the issuer's JWKS; called lazily and rarely (see `cacheTtlMs`, `refetchCooldownMs`). */
  readonly jwks: () => Promise<JSONWebKeySet>;
  /** Allowed clock skew for `exp`/`nbf`, in seconds (keep it small: 0–60). */
  readonly clockToleranceSec: number;
  /** How long fetched keys are used before a refetch, in milliseconds. */
  readonly cacheTtlMs: number;
  /** Minimum time between two JWKS fetches (unknown `kid`, expiry, failure); default 10 s. */
  readonly refetchCooldownMs?: number;
  /** Clock in epoch milliseconds; default `Date.now`. */
  readonly now?: () => number;
}

export interface VerifyOptions {
  /** When set, a token of any other tenant fails with `Auth.WrongTenant` (permission_denied). */
  readonly expectedTenant?: string;
}

export interface TokenVerifier {
  /**
   * The principal of a valid access token. Throws `DomainError`: `Auth.InvalidToken` or
   * `Auth.TokenExpired` (unauthenticated), `Auth.WrongTenant` (permission_denied) or
   * `Auth.KeysUnavailable` (unavailable, no key set could be loaded yet).
   */
  verify(token: string, options?: VerifyOptions): Promise<Principal>;
}

const DEFAULT_REFETCH_COOLDOWN_MS = 10_000;

/**
 * Three base64url segments, each in canonical form: base64 decoders ignore the unused low bits of the
 * last character, so without this check a token could be re-spelled (same bytes, different string).
 */
function isCanonicalCompactJws(token: unknown): token is string {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) return false;
  const segments = token.split('.');
  return (
    segments.length === 3 &&
    segments.every((s) => s.length > 0 && Buffer.from(s, 'base64url').toString('base64url') === s)
  );
}

/**
 * Verifies Shopstream access tokens locally against the issuer's cached JWKS: EdDSA only (so `none`,
 * HMAC with the public key and RSA/EC algorithms fail before any key is looked up), `typ: at+jwt`,
 * `iss`, `aud`, `exp` and `nbf` checked, the key chosen by `kid`, then the claims parsed with zod.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const now = options.now ?? Date.now;
  const cache = createJwksCache({
    fetchJwks: options.jwks,
    cacheTtlMs: options.cacheTtlMs,
    refetchCooldownMs: options.refetchCooldownMs ?? DEFAULT_REFETCH_COOLDOWN_MS,
    now,
  });

  const resolveKey = async (header: JWTHeaderParameters) => {
    if (typeof header.kid !== 'string' || header.kid.length === 0) throw invalidToken();
    const key = await cache.getKey(header.kid);
    if (key === undefined) throw invalidToken();
    return key;
  };

  return {
    async verify(token, verifyOptions = {}) {
      if (!isCanonicalCompactJws(token)) throw invalidToken();
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, resolveKey, {
          algorithms: [ACCESS_TOKEN_ALGORITHM],
          typ: ACCESS_TOKEN_TYPE,
          issuer: options.issuer,
          audience: options.audience,
          clockTolerance: options.clockToleranceSec,
          currentDate: new Date(now()),
          requiredClaims: ['sub', 'jti', 'exp', 'nbf', 'iat'],
        }));
      } catch (error) {
        if (isDomainError(error)) throw error;
        if (error instanceof errors.JWTExpired) throw tokenExpired();
        throw invalidToken(); // no cause: jose errors can carry the token's payload
      }
      const claims = accessTokenClaimsSchema.safeParse(payload);
      if (!claims.success) throw invalidToken();
      const principal = principalFromClaims(claims.data);
      if (verifyOptions.expectedTenant !== undefined && principal.tenantId !== verifyOptions.expectedTenant) {
        throw wrongTenant();
      }
      return principal;
    },
  };
}
