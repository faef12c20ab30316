import { hkdfSync } from 'node:crypto';
import {
  hashRefreshToken,
  newFamilyId,
  newRefreshSecret,
  parseRefreshToken,
  refreshToken,
  refreshTokenHashesEqual,
  type RefreshToken,
} from './refresh-token.js';

export type RevocationReason =
  | 'reuse-detected'
  | 'sign-out'
  | 'sign-out-everywhere'
  | 'password-changed'
  | 'signed-out-remotely'
  | 'account-deleted';

/**
 * One refresh-token family (= one session on one device). Only hashes of tokens are kept; the one
 * exception is `previous.sealedSuccessor`, the current token's secret encrypted under a key derived from
 * the PREVIOUS token's secret — readable only by whoever presents that previous token (see README).
 */
export interface RefreshFamily {
  readonly familyId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly sessionId: string;
  /** Number of rotations so far; the store applies a decision only if this is unchanged (compare-and-set). */
  readonly generation: number;
  readonly currentHash: string;
  /** The token rotated away last, kept for the concurrent-refresh grace window. */
  readonly previous?: {
    readonly hash: string;
    readonly rotatedAt: number;
    readonly sealedSuccessor: string;
  };
  /** Hashes of tokens already rotated away, newest last, at most `maxUsedHashes`. */
  readonly usedHashes: readonly string[];
  readonly revoked: boolean;
  readonly revokedAt?: number;
  readonly revokedReason?: RevocationReason;
  readonly createdAt: number;
  readonly lastUsedAt: number;
  /** Absolute end of the family (no sliding): sign in again after it. */
  readonly expiresAt: number;
}

export type RefreshDecision =
  /** The current token: issue its successor and store `nextState`. */
  | { readonly kind: 'rotate'; readonly nextState: RefreshFamily; readonly newToken: RefreshToken }
  /** The token just rotated away, within the grace window: answer with the SAME successor, store nothing. */
  | { readonly kind: 'grace'; readonly token: RefreshToken }
  /** An already-used token: revoke the family (and its session); issue nothing. */
  | { readonly kind: 'reuse-detected'; readonly nextState: RefreshFamily }
  | { readonly kind: 'expired' }
  | { readonly kind: 'revoked' }
  /** Malformed, another family, or not a token this family ever issued: reject, change nothing. */
  | { readonly kind: 'unknown' };

export interface RefreshOptions {
  /** Epoch milliseconds. */
  readonly now: number;
  /** Secret of the successor, from `newRefreshSecret()` (injected, so the decision stays pure). */
  readonly nextSecret: string;
  /** How long the previous token may still fetch the already-issued successor. Default 10 s; 0 = strict. */
  readonly graceMs?: number;
  /** How many used-token hashes are remembered for reuse detection. Default 100. */
  readonly maxUsedHashes?: number;
}

export const DEFAULT_REFRESH_GRACE_MS = 10_000;
export const DEFAULT_MAX_USED_HASHES = 100;

export interface NewFamilyInput {
  readonly userId: string;
  readonly tenantId: string;
  readonly sessionId: string;
  readonly now: number;
  readonly lifetimeMs: number;
}

/** A new family and its first token (at sign-in). Randomness is injectable for tests. */
export function startRefreshFamily(
  input: NewFamilyInput,
  first: RefreshToken = refreshToken(newFamilyId(), newRefreshSecret()),
): { readonly state: RefreshFamily; readonly token: RefreshToken } {
  const state: RefreshFamily = {
    familyId: first.familyId,
    userId: input.userId,
    tenantId: input.tenantId,
    sessionId: input.sessionId,
    generation: 0,
    currentHash: hashRefreshToken(first.value),
    usedHashes: [],
    revoked: false,
    createdAt: input.now,
    lastUsedAt: input.now,
    expiresAt: input.now + input.lifetimeMs,
  };
  return { state, token: first };
}

/**
 * The rotation and reuse-detection state machine of RFC 9700 §4.14.2, as a pure function of the stored
 * family (or `undefined` when no family has the token's id), the presented token and the clock.
 */
export function decideRefresh(
  state: RefreshFamily | undefined,
  presented: unknown,
  options: RefreshOptions,
): RefreshDecision {
  const token = parseRefreshToken(presented);
  if (token === undefined || state === undefined || token.familyId !== state.familyId)
    return { kind: 'unknown' };
  const hash = hashRefreshToken(token.value);
  const isCurrent = refreshTokenHashesEqual(hash, state.currentHash);
  const isUsed = !isCurrent && state.usedHashes.some((used) => refreshTokenHashesEqual(hash, used));
  if (!isCurrent && !isUsed) return { kind: 'unknown' };
  if (state.revoked) return { kind: 'revoked' };
  if (options.now >= state.expiresAt) return { kind: 'expired' };
  if (isCurrent) return rotate(state, token, options);

  const graceMs = options.graceMs ?? DEFAULT_REFRESH_GRACE_MS;
  const previous = state.previous;
  if (
    previous !== undefined &&
    refreshTokenHashesEqual(hash, previous.hash) &&
    options.now >= previous.rotatedAt &&
    options.now - previous.rotatedAt <= graceMs
  ) {
    const successor = unseal(state, token, previous.sealedSuccessor);
    if (successor !== undefined) return { kind: 'grace', token: successor };
  }
  return { kind: 'reuse-detected', nextState: revokeRefreshFamily(state, options.now, 'reuse-detected') };
}

/** The family, revoked (sign-out, sign-out everywhere, password change, reuse). Idempotent. */
export function revokeRefreshFamily(
  state: RefreshFamily,
  now: number,
  reason: RevocationReason,
): RefreshFamily {
  if (state.revoked) return state;
  const { previous: _dropped, ...rest } = state; // the sealed successor is useless once revoked
  return { ...rest, revoked: true, revokedAt: now, revokedReason: reason };
}

function rotate(state: RefreshFamily, presented: RefreshToken, options: RefreshOptions): RefreshDecision {
  const newToken = refreshToken(state.familyId, options.nextSecret);
  const generation = state.generation + 1;
  const maxUsed = options.maxUsedHashes ?? DEFAULT_MAX_USED_HASHES;
  const nextState: RefreshFamily = {
    ...state,
    generation,
    currentHash: hashRefreshToken(newToken.value),
    previous: {
      hash: state.currentHash,
      rotatedAt: options.now,
      sealedSuccessor: xorSeal(newToken.secret, presented, generation),
    },
    usedHashes: [...state.usedHashes, state.currentHash].slice(-maxUsed),
    lastUsedAt: options.now,
  };
  return { kind: 'rotate', nextState, newToken };
}

function unseal(state: RefreshFamily, presented: RefreshToken, sealed: string): RefreshToken | undefined {
  const secret = xorSeal(sealed, presented, state.generation);
  const candidate = parseRefreshToken(`${state.familyId}.${secret}`);
  // The hash check proves the unsealed token is the stored successor (the seal itself has no MAC).
  return candidate !== undefined &&
    refreshTokenHashesEqual(hashRefreshToken(candidate.value), state.currentHash)
    ? candidate
    : undefined;
}

/**
 * XOR with a one-time pad of HKDF-SHA256(previous secret, salt = family id, info = generation): each
 * previous secret seals exactly one successor, so the pad is never reused. Sealing and unsealing are the
 * same operation.
 */
function xorSeal(data: string, presented: RefreshToken, generation: number): string {
  const bytes = Buffer.from(data, 'base64url');
  const pad = Buffer.from(
    hkdfSync(
      'sha256',
      Buffer.from(presented.secret, 'base64url'),
      Buffer.from(presented.familyId, 'utf8'),
      Buffer.from(`shopstream/refresh-successor/v1/${generation}`, 'utf8'),
      bytes.length,
    ),
  );
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = (bytes[i] ?? 0) ^ (pad[i] ?? 0);
  return bytes.toString('base64url');
}
