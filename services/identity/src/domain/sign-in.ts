import { tenantIdSchema } from '@shopstream/service-defaults/auth';
import { z } from 'zod';
import { emailSchema } from './email-address.js';
import { parseInput } from '@shopstream/service-defaults';
import { normalizePassword } from './password-policy.js';

/**
 * Sign-in input. The password is only size-checked and NFKC-normalised — never judged against the current
 * policy, so a password set under an older policy still works and the answer reveals nothing about it.
 */
export const signInSchema = z.strictObject({
  tenantId: tenantIdSchema,
  email: emailSchema,
  password: z
    .string()
    .min(1, 'is required')
    .transform((password, ctx) => {
      const normalized = normalizePassword(password);
      if (normalized === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is invalid' });
        return z.NEVER;
      }
      return normalized;
    }),
});

export type SignInInput = z.output<typeof signInSchema>;

export function parseSignIn(input: unknown): SignInInput {
  return parseInput(signInSchema, input, 'Identity.InvalidSignIn');
}
