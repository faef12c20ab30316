import { importJWK, type CryptoKey, type JSONWebKeySet, type JWK } from 'jose';
import { keysUnavailable } from './auth-errors.js';
import { ACCESS_TOKEN_ALGORITHM } from './access-token-claims.js';

export interface JwksCacheOptions {
  /** Loads the issuer's published key set (e.g. identity's JWKS through the sidecar). */
  readonly fetchJwks: () => Promise<JSONWebKeySet>;
  /** Keys older than this are refetched on next use (stale keys stay usable if that fails). */
  readonly cacheTtlMs: number;
  /** Minimum time between two fetches, whatever triggers them (unknown `kid`, expiry, failure). */
  readonly refetchCooldownMs: number;
  readonly now: () => number;
}

export interface JwksCache {
  /** The verification key for `kid`, or `undefined` if the issuer does not publish it. */
  getKey(kid: string): Promise<CryptoKey | undefined>;
}

/** At most this many keys are imported from one key set; a published set holds two or three. */
const MAX_KEYS = 32;

/**
 * Ed25519 verification keys by `kid`, fetched lazily and shared by every request. Once warm, a lookup
 * needs no I/O; a fetch happens only when the cache is empty or older than `cacheTtlMs`, or a token names
 * an unknown `kid` — and never more than once per `refetchCooldownMs`, so tokens with made-up key ids
 * cannot cause a refetch storm. Concurrent callers share one in-flight fetch.
 */
export function createJwksCache(options: JwksCacheOptions): JwksCache {
  let keys: ReadonlyMap<string, CryptoKey> | undefined;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let lastAttemptAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | undefined;

  const coolingDown = (): boolean => options.now() - lastAttemptAt < options.refetchCooldownMs;

  const refresh = (): Promise<void> => {
    inFlight ??= (async () => {
      lastAttemptAt = options.now();
      try {
        keys = await importKeySet(await options.fetchJwks());
        fetchedAt = options.now();
      } catch (error) {
        if (keys === undefined) throw keysUnavailable(error);
        // Keep serving the stale keys; the cooldown spaces out the retries.
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  };

  return {
    async getKey(kid) {
      if (inFlight !== undefined) await inFlight;
      if (keys === undefined) {
        if (coolingDown()) throw keysUnavailable();
        await refresh();
      } else if (options.now() - fetchedAt >= options.cacheTtlMs && !coolingDown()) {
        await refresh();
      }
      const known = keys?.get(kid);
      if (known !== undefined || coolingDown()) return known;
      await refresh();
      return keys?.get(kid);
    },
  };
}

async function importKeySet(set: JSONWebKeySet): Promise<ReadonlyMap<string, CryptoKey>> {
  if (typeof set !== 'object' || set === null || !Array.isArray(set.keys)) {
    throw new TypeError('The key set has no keys array.');
  }
  const candidates = set.keys.filter(isEd25519VerificationKey).slice(0, MAX_KEYS);
  const counts = new Map<string, number>();
  for (const jwk of candidates) counts.set(jwk.kid, (counts.get(jwk.kid) ?? 0) + 1);
  const imported = new Map<string, CryptoKey>();
  for (const jwk of candidates) {
    if (counts.get(jwk.kid) !== 1) continue; // an ambiguous kid selects nothing
    try {
      const { kty, crv, x } = jwk;
      const key = await importJWK({ kty, crv, x }, ACCESS_TOKEN_ALGORITHM);
      if (typeof key !== 'object' || !('type' in key) || key.type !== 'public') continue;
      imported.set(jwk.kid, key);
    } catch {
      // A malformed key is skipped; tokens naming it fail as an unknown kid.
    }
  }
  return imported;
}

type Ed25519PublicJwk = JWK & { kty: 'OKP'; crv: 'Ed25519'; x: string; kid: string };

function isEd25519VerificationKey(jwk: unknown): jwk is Ed25519PublicJwk {
  if (typeof jwk !== 'object' || jwk === null) return false;
  const key = jwk as JWK;
  return (
    key.kty === 'OKP' &&
    key.crv === 'Ed25519' &&
    typeof key.x === 'string' &&
    typeof key.kid === 'string' &&
    key.kid.length > 0 &&
    key.d === undefined && // a private key never belongs in a published set
    (key.use === undefined || key.use === 'sig') &&
    (key.alg === undefined || key.alg === ACCESS_TOKEN_ALGORITHM || key.alg === 'Ed25519') &&
    (key.key_ops === undefined || key.key_ops.includes('verify'))
  );
}
