import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import { COMMON_PASSWORDS } from './common-passwords.js';

/** NIST SP 800-63B §3.1.1.2: at least 8 characters, at least 64 allowed; we allow 128. */
export const PASSWORD_MIN_CODE_POINTS = 8;
export const PASSWORD_MAX_CODE_POINTS = 128;
/** Hard cap on the raw UTF-8 size, checked before any other work (a 1 MB password never gets further). */
export const PASSWORD_MAX_BYTES = 1024;

export interface PasswordProblem {
  readonly code: 'Identity.WeakPassword' | 'Identity.PasswordTooLong' | 'Identity.InvalidPassword';
  readonly detail: string;
}

export interface PasswordPolicyOptions {
  /** Context words the password must not equal (email, its local part…), compared case-insensitively. */
  readonly context?: readonly string[];
}

const LONE_SURROGATE = /\p{Cs}/u;

/**
 * NFKC-normalises a password after the size guard, without judging strength: what sign-in and the hasher
 * use (a password set under an older policy must still work). `undefined` for non-strings, lone
 * surrogates (they would encode lossily) and anything over {@link PASSWORD_MAX_BYTES}.
 */
export function normalizePassword(password: unknown): string | undefined {
  if (typeof password !== 'string') return undefined;
  // Every UTF-16 unit is at least one UTF-8 byte: a cheap bound before measuring.
  if (password.length > PASSWORD_MAX_BYTES || Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
    return undefined;
  }
  if (LONE_SURROGATE.test(password)) return undefined;
  return password.normalize('NFKC');
}

/** Why a new password is not acceptable, or `undefined` if it is (the rules of 800-63B, no composition). */
export function passwordProblem(
  password: unknown,
  options: PasswordPolicyOptions = {},
): PasswordProblem | undefined {
  if (typeof password === 'string' && password.length > PASSWORD_MAX_BYTES) return tooLong();
  const normalized = normalizePassword(password);
  if (normalized === undefined) {
    return typeof password === 'string' && !LONE_SURROGATE.test(password)
      ? tooLong()
      : { code: 'Identity.InvalidPassword', detail: 'must be a valid Unicode string' };
  }
  const length = countCodePoints(normalized);
  if (length < PASSWORD_MIN_CODE_POINTS) {
    return {
      code: 'Identity.WeakPassword',
      detail: `must be at least ${PASSWORD_MIN_CODE_POINTS} characters`,
    };
  }
  if (length > PASSWORD_MAX_CODE_POINTS) return tooLong();
  const folded = normalized.toLowerCase();
  if (COMMON_PASSWORDS.has(folded)) {
    return { code: 'Identity.WeakPassword', detail: 'is too common; choose another one' };
  }
  if (options.context?.some((word) => word.length > 0 && word.normalize('NFKC').toLowerCase() === folded)) {
    return { code: 'Identity.WeakPassword', detail: 'must not be your email address or user name' };
  }
  return undefined;
}

/**
 * The normalised password, or a validation `DomainError` on field `password` (`Identity.WeakPassword`,
 * `Identity.PasswordTooLong`, `Identity.InvalidPassword`). The message never contains the password.
 */
export function checkNewPassword(password: unknown, options: PasswordPolicyOptions = {}): string {
  const problem = passwordProblem(password, options);
  const normalized = normalizePassword(password);
  if (problem !== undefined || normalized === undefined) {
    const { code, detail } = problem ?? { code: 'Identity.InvalidPassword', detail: 'is invalid' };
    throw new DomainError(ErrorKind.Validation, code, `The password ${detail}.`, {
      fields: [{ field: 'password', detail }],
    });
  }
  return normalized;
}

function tooLong(): PasswordProblem {
  return {
    code: 'Identity.PasswordTooLong',
    detail: `must be at most ${PASSWORD_MAX_CODE_POINTS} characters`,
  };
}

function countCodePoints(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}
