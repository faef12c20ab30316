import { randomBytes } from 'node:crypto';
import argon2, { type HashOptions } from 'argon2';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import { normalizePassword } from './password-policy.js';

export interface Argon2Parameters {
  /** KiB of memory. */
  readonly memoryCost: number;
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id option 2: 19 MiB, 2 iterations, 1 lane. */
export const OWASP_ARGON2ID: Argon2Parameters = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  /** A PHC string (`$argon2id$v=19$m=…`) with a fresh 16-byte salt. */
  hash(password: string): Promise<string>;
  /** Whether `password` matches `encoded` (argon2 compares in constant time). */
  verify(encoded: string, password: string): Promise<boolean>;
  /** Whether `encoded` was made with other parameters or another variant: rehash after a good sign-in. */
  needsRehash(encoded: string): boolean;
  /**
   * Always `false`, after the same work as {@link verify}: call it when the account does not exist, so
   * the sign-in answer and its timing do not reveal whether an email is registered.
   */
  verifyAgainstDummy(password: string): Promise<false>;
}

/**
 * argon2id hashing of NFKC-normalised passwords. Inputs over the policy's byte limit are refused before
 * hashing (defence in depth: schemas refuse them earlier).
 */
export function createPasswordHasher(parameters: Argon2Parameters = OWASP_ARGON2ID): PasswordHasher {
  const options: HashOptions = { type: argon2.argon2id, ...parameters };
  let dummy: Promise<string> | undefined;
  const dummyHash = (): Promise<string> => {
    dummy ??= argon2.hash(randomBytes(32).toString('base64url'), options);
    return dummy;
  };

  return {
    hash: async (password) => argon2.hash(prepare(password), options),
    verify: (encoded, password) => {
      const normalized = normalizePassword(password);
      // Same argon2 work for a too-long input as for a wrong one.
      return normalized === undefined
        ? dummyHash().then((d) => argon2.verify(d, '').then(() => false))
        : argon2.verify(encoded, normalized);
    },
    needsRehash: (encoded) => !encoded.startsWith('$argon2id$') || argon2.needsRehash(encoded, parameters),
    verifyAgainstDummy: async (password) => {
      await argon2.verify(await dummyHash(), normalizePassword(password) ?? '');
      return false;
    },
  };
}

function prepare(password: string): string {
  const normalized = normalizePassword(password);
  if (normalized === undefined) {
    throw new DomainError(ErrorKind.Validation, 'Identity.InvalidPassword', 'The password is invalid.', {
      fields: [{ field: 'password', detail: 'is invalid' }],
    });
  }
  return normalized;
}
