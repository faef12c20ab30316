/**
 * @shopstream/identity: tenants, users, credentials, refresh-token families, roles, access tokens (README.md).
 *
 * Two Dapr apps run from this package (dapr/apps.yaml, adr/0011):
 * - `identity` — src/main.ts: the gRPC IdentityService (GetUser, ValidateToken); migrates the database, owns
 *   the signing key ring, relays `user.events` from the outbox.
 * - `identity-sessions` — src/sessions-main.ts: HOSTS `SessionActor` (one per user, the browser sessions;
 *   type, contract and state keys in actors/session, the client identity calls it with in
 *   src/infra/session-actor-client.ts), the browser flows (`/auth/*`, `/browser/*`) and the JWKS.
 *
 * Inside, the rooms of ARCHITECTURE §2a: domain/ (rules, entities, errors), app/ (use cases; ports.ts names
 * what they need), adapters/ (grpc, http), infra/ (Postgres, Redis, the SessionActor client), wiring/.
 *
 * This file is the package's only door: tools (tenant and role scripts, the seed), tests and benches import
 * what is exported here, never a file under src/ (lint enforces it).
 */

// ---- The SessionActor this package hosts ----
export { SESSION_ACTOR_TYPE, SessionActor, sessionActorId } from '@shopstream/actor-session';
export { createSessionActorClient, daprActorInvoker } from './infra/session-actor-client.js';

// ---- Entities, errors and use cases an operator tool may run ----
export type { Credential, NewUser, User } from './domain/user.js';
export type { Clock, IdentityConfig, IdentityDeps, IdentityStore, SigningKeyStore } from './app/ports.js';
export { signIn, type SignInContext } from './app/sign-in.js';
export { signUp } from './app/sign-up.js';
export { setUserRoles } from './app/set-user-roles.js';
export type { SessionTokens } from './app/session-tokens.js';
export { identityConfig } from './config.js';

// ---- Infrastructure a tool or test kit opens on a database of its own ----
export { createIdentityStore } from './infra/identity-store.js';
export { migrateIdentityDatabase } from './infra/migrate-identity-database.js';
export { openSigningKeyStore } from './infra/signing-key-store.js';
export { createLoginThrottle } from './infra/login-throttle.js';
export { DEFAULT_LOGIN_THROTTLE_POLICY, type LoginThrottlePolicy } from './infra/login-throttle-policy.js';
export { systemClock } from './wiring/identity-wiring.js';

// ---- Pure domain rules ----
export { COMMON_PASSWORDS } from './domain/common-passwords.js';
export {
  checkNewPassword,
  normalizePassword,
  PASSWORD_MAX_BYTES,
  PASSWORD_MAX_CODE_POINTS,
  PASSWORD_MIN_CODE_POINTS,
  passwordProblem,
  type PasswordPolicyOptions,
  type PasswordProblem,
} from './domain/password-policy.js';
export {
  createPasswordHasher,
  OWASP_ARGON2ID,
  type Argon2Parameters,
  type PasswordHasher,
} from './domain/password-hasher.js';
export {
  createKeyRing,
  generateSigningKey,
  importKeyRing,
  type ExportedKeyRing,
  type KeyRing,
  type PublicJwk,
  type RetiredKey,
  type SigningKey,
} from './domain/signing-keys.js';
export {
  DEFAULT_ACCESS_TOKEN_TTL_SEC,
  issueAccessToken,
  MAX_ACCESS_TOKEN_TTL_SEC,
  type AccessTokenRequest,
  type IssuedAccessToken,
} from './domain/access-token.js';
export {
  hashRefreshToken,
  newFamilyId,
  newRefreshSecret,
  parseRefreshToken,
  REFRESH_TOKEN_LENGTH,
  refreshToken,
  refreshTokenHashesEqual,
  type RefreshToken,
} from './domain/refresh-token.js';
export {
  decideRefresh,
  DEFAULT_MAX_USED_HASHES,
  DEFAULT_REFRESH_GRACE_MS,
  revokeRefreshFamily,
  startRefreshFamily,
  type NewFamilyInput,
  type RefreshDecision,
  type RefreshFamily,
  type RefreshOptions,
  type RevocationReason,
} from './domain/refresh-family.js';
export {
  clientSecretMatches,
  hashClientSecret,
  serviceClientsFileSchema,
  type ServiceClient,
  type ServiceClientsFile,
} from './domain/service-client.js';
export { EMAIL_MAX_LENGTH, emailSchema } from './domain/email-address.js';
export { parseSignUp, signUpSchema, type SignUpInput } from './domain/sign-up.js';
export { parseSignIn, signInSchema, type SignInInput } from './domain/sign-in.js';
