import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TYPE,
  type AccessTokenClaims,
  type Principal,
} from '@shopstream/service-defaults/auth';
import type { KeyRing } from './signing-keys.js';

export const DEFAULT_ACCESS_TOKEN_TTL_SEC = 600;
/** Access tokens are short-lived by design (revocation = waiting them out); refuse anything over 1 h. */
export const MAX_ACCESS_TOKEN_TTL_SEC = 3600;

export interface AccessTokenRequest {
  /** Who the token is for; a fresh `jti` is drawn, so no `tokenId` here. */
  readonly principal: Omit<Principal, 'tokenId'>;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSec?: number;
  /** Epoch milliseconds; default `Date.now()`. */
  readonly now?: number;
}

export interface IssuedAccessToken {
  /** Compact JWS: header `{alg: EdDSA, typ: at+jwt, kid}`. A credential: never log it. */
  readonly token: string;
  /** The `jti`, safe to log. */
  readonly tokenId: string;
  /** Epoch seconds of `exp`. */
  readonly expiresAt: number;
}

/** Signs an access token with the ring's current key; any service verifies it with the published JWKS. */
export async function issueAccessToken(
  keyRing: KeyRing,
  request: AccessTokenRequest,
): Promise<IssuedAccessToken> {
  const ttlSec = request.ttlSec ?? DEFAULT_ACCESS_TOKEN_TTL_SEC;
  if (!Number.isInteger(ttlSec) || ttlSec < 1 || ttlSec > MAX_ACCESS_TOKEN_TTL_SEC) {
    throw new RangeError(`ttlSec must be an integer from 1 to ${MAX_ACCESS_TOKEN_TTL_SEC}.`);
  }
  const nowSec = Math.floor((request.now ?? Date.now()) / 1000);
  const { principal } = request;
  const tokenId = randomBytes(16).toString('base64url');
  const claims: AccessTokenClaims = {
    sub: principal.userId,
    tenant: principal.tenantId,
    roles: [...principal.roles],
    admin: principal.admin,
    ...(principal.sessionId === undefined ? {} : { sid: principal.sessionId }),
    ...(principal.clientId === undefined ? {} : { client_id: principal.clientId }),
    jti: tokenId,
    iss: request.issuer,
    aud: request.audience,
    iat: nowSec,
    nbf: nowSec,
    exp: nowSec + ttlSec,
  };
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: keyRing.current.kid })
    .sign(keyRing.current.privateKey);
  return { token, tokenId, expiresAt: claims.exp };
}
