export type { Principal } from './principal.js';
export { isTenantId, TENANT_ID_PATTERN, tenantIdSchema } from '../contracts/tenant-id.js';
export {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  ACCESS_TOKEN_TYPE,
  accessTokenClaimsSchema,
  principalFromClaims,
  type AccessTokenClaims,
} from './access-token-claims.js';
export {
  invalidToken,
  keysUnavailable,
  missingRole,
  missingToken,
  noPolicy,
  tokenExpired,
  wrongTenant,
} from './auth-errors.js';
export { createJwksCache, type JwksCache, type JwksCacheOptions } from './jwks-cache.js';
export {
  createTokenVerifier,
  type TokenVerifier,
  type TokenVerifierOptions,
  type VerifyOptions,
} from './token-verifier.js';
export { bearerToken, MAX_TOKEN_LENGTH } from './bearer-token.js';
export { requireRoles, type RoleRequirement } from './require-roles.js';
export { applyRule, type AccessPolicy, type AccessRule } from './access-policy.js';
export { authorizeGrpc } from './authorize-grpc.js';
export { authorizeHttp } from './authorize-http.js';
export {
  createSidecarTokenVerifier,
  JWKS_APP_ID,
  JWKS_CACHE_TTL_MS,
  JWKS_PATH,
  sidecarJwks,
  type SidecarJwksOptions,
} from './sidecar-token-verifier.js';
export { grpcPrincipal } from './grpc-principal.js';
export {
  isServicePrincipal,
  SERVICE_SUBJECT_PREFIX,
  serviceClientIdSchema,
  serviceSubject,
} from '../contracts/service-subject.js';
