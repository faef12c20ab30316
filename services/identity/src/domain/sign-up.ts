import { tenantIdSchema } from '@shopstream/service-defaults/auth';
import { z } from 'zod';
import { emailSchema } from './email-address.js';
import { parseInput } from '@shopstream/service-defaults';
import { normalizePassword, passwordProblem, type PasswordProblem } from './password-policy.js';

/**
 * Sign-up input: tenant id, email, and a new password that must pass the policy (and must not be the
 * email or its local part). Unknown keys are refused, so no `admin` or `roles` can be smuggled in.
 * Output `password` is NFKC-normalised, ready for the hasher.
 */
const newPasswordSchema = z
  .string()
  .superRefine((password, ctx) => addProblem(ctx, passwordProblem(password)));

export const signUpSchema = z
  .strictObject({ tenantId: tenantIdSchema, email: emailSchema, password: newPasswordSchema })
  .superRefine((value, ctx) => {
    // The password must not be the email address or its local part (other problems are reported above).
    if (passwordProblem(value.password) !== undefined) return;
    const localPart = value.email.slice(0, value.email.lastIndexOf('@'));
    addProblem(ctx, passwordProblem(value.password, { context: [value.email, localPart] }), ['password']);
  })
  .transform((value) => ({ ...value, password: normalizePassword(value.password) ?? '' }));

function addProblem(ctx: z.RefinementCtx, problem: PasswordProblem | undefined, path: string[] = []): void {
  if (problem === undefined) return;
  ctx.addIssue({ code: 'custom', path, message: problem.detail, params: { code: problem.code } });
}

export type SignUpInput = z.output<typeof signUpSchema>;

/** Throws `Identity.WeakPassword` / `Identity.PasswordTooLong` when only the password fails, else `Identity.InvalidSignUp`. */
export function parseSignUp(input: unknown): SignUpInput {
  return parseInput(signUpSchema, input, 'Identity.InvalidSignUp');
}
