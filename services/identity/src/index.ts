// Pure domain core of the identity service (no persistence, no transport yet).
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
export { EMAIL_MAX_LENGTH, emailSchema } from './domain/email-address.js';
export { parseSignUp, signUpSchema, type SignUpInput } from './domain/sign-up.js';
export { parseSignIn, signInSchema, type SignInInput } from './domain/sign-in.js';
