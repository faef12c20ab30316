import { invalidToken } from './auth-errors.js';

/** Longest access token accepted (8 KiB); ours are about 400 bytes. */
export const MAX_TOKEN_LENGTH = 8 * 1024;

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;

/**
 * The JWT of an `Authorization: Bearer <jwt>` header (RFC 6750). `undefined` when there is no header
 * (the caller decides whether the route is public); anything else that is not exactly one space-separated
 * compact JWS — another scheme, extra spaces, commas, over 8 KiB — throws `Auth.InvalidToken`.
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization === '') return undefined;
  if (authorization.length > MAX_TOKEN_LENGTH + 'Bearer '.length) throw invalidToken();
  const match = BEARER.exec(authorization);
  if (match?.[1] === undefined) throw invalidToken();
  return match[1];
}
