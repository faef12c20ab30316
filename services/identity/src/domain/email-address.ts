import { z } from 'zod';

/** RFC 5321 path limit. */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An email address: trimmed, at most 254 characters, zod's email syntax, domain lower-cased (domains are
 * case-insensitive; the local part is kept as typed because RFC 5321 lets servers treat it as
 * case-sensitive). Oversized input fails on length before any pattern runs.
 */
export const emailSchema = z
  .string()
  .max(4 * EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .trim()
  .max(EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email('must be a valid email address'))
  .transform(lowerCaseDomain);

function lowerCaseDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, at)}@${email.slice(at + 1).toLowerCase()}`;
}
