import { z } from 'zod';
import type { Principal } from './principal.js';
import { tenantIdSchema } from '../contracts/tenant-id.js';
import { serviceClientIdSchema } from '../contracts/service-subject.js';

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
  /** The service client of a service token (RFC 9068 `client_id`); absent on users' tokens (adr/0065). */
  client_id: serviceClientIdSchema.optional(),
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
    ...(claims.client_id === undefined ? {} : { clientId: claims.client_id }),
    tokenId: claims.jti,
  };
}
