import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Refresh tokens are opaque: `<familyId>.<secret>`, a 128-bit family id (lookup key, not secret on its
 * own) and a 256-bit secret from `crypto.randomBytes`, both base64url. The store finds the family by id
 * and compares SHA-256 hashes in constant time, so no index lookup ever runs on secret material. Only
 * hashes are stored; a token is a credential and never logged.
 */
export interface RefreshToken {
  readonly familyId: string;
  readonly secret: string;
  /** The wire form, `<familyId>.<secret>`. */
  readonly value: string;
}

const FAMILY_ID_BYTES = 16;
const SECRET_BYTES = 32;
const TOKEN_PATTERN = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
/** 22 + 1 + 43 characters. */
export const REFRESH_TOKEN_LENGTH = 66;

export function newFamilyId(): string {
  return randomBytes(FAMILY_ID_BYTES).toString('base64url');
}

export function newRefreshSecret(): string {
  return randomBytes(SECRET_BYTES).toString('base64url');
}

export function refreshToken(familyId: string, secret: string): RefreshToken {
  const parsed = parseRefreshToken(`${familyId}.${secret}`);
  if (parsed === undefined) throw new TypeError('Malformed refresh token parts.');
  return parsed;
}

/** The token's parts, or `undefined` unless it is exactly a well-formed, canonical refresh token. */
export function parseRefreshToken(value: unknown): RefreshToken | undefined {
  if (typeof value !== 'string' || value.length !== REFRESH_TOKEN_LENGTH) return undefined;
  const match = TOKEN_PATTERN.exec(value);
  const familyId = match?.[1];
  const secret = match?.[2];
  if (familyId === undefined || secret === undefined) return undefined;
  if (!isCanonical(familyId, FAMILY_ID_BYTES) || !isCanonical(secret, SECRET_BYTES)) return undefined;
  return { familyId, secret, value };
}

/** SHA-256 of the whole token, base64url: what the store keeps. */
export function hashRefreshToken(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** Constant-time equality of two token hashes (any length mismatch is simply `false`). */
export function refreshTokenHashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'base64url');
  const right = Buffer.from(b, 'base64url');
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}

function isCanonical(segment: string, bytes: number): boolean {
  const decoded = Buffer.from(segment, 'base64url');
  return decoded.length === bytes && decoded.toString('base64url') === segment;
}
