import { z } from 'zod';
import type { Principal } from './principal.js';
import { tenantIdSchema } from '../contracts/tenant-id.js';

/** JOSE header `typ` of Shopstream access tokens (RFC 9068): keeps other JWTs from passing as one. */
export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** The only signature algorithm accepted or produced for access tokens (Ed25519). */
export const ACCESS_TOKEN_ALGORITHM = 'EdDSA';

/** `iss` of every Shopstream access token (identity signs, every service verifies). */
export const ACCESS_TOKEN_ISSUER = 'shopstream-identity';

/** `aud` of every Shopstream access token: one audience for all Shopstream services. */
export const ACCESS_TOKEN_AUDIENCE = 'shopstream';

const identifier = z.string().min(1).max(128);
const epochSeconds = z.number().int().nonnegative();

/** Claims of a Shopstream access token; checked after the signature, `iss`, `aud` and times are. */
export const accessTokenClaimsSchema = z.object({
  sub: identifier,
  tenant: tenantIdSchema,
  roles: z.array(z.string().min(1).max(64)).max(64),
  admin: z.boolean(),
  sid: identifier.optional(),
  jti: identifier,
  iss: z.string().min(1),
  aud: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  exp: epochSeconds,
  nbf: epochSeconds,
  iat: epochSeconds,
});

export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return {
    userId: claims.sub,
    tenantId: claims.tenant,
    roles: claims.roles,
    admin: claims.admin,
    ...(claims.sid === undefined ? {} : { sessionId: claims.sid }),
    tokenId: claims.jti,
  };
}
