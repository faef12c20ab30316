import { z } from 'zod';

const email = z.string().trim().max(254, 'Email is too long.').pipe(z.email('Enter a valid email address.'));

export const signUpSchema = z.object({
  email,
  password: z
    .string()
    .min(8, 'Password must be at least 8 characters.')
    .max(256, 'Password must be at most 256 characters.'),
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, 'Enter your password.').max(256, 'Password must be at most 256 characters.'),
});

/** First message per field, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
