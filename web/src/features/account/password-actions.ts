'use server';

import { callIdentity, type IdentityProblem } from '@/server/identity/identity-client';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import { fieldErrorsOf } from '../auth/auth-schemas';
import type { FormState } from '../auth/form-state';
import { changePasswordSchema, deleteAccountSchema } from './account-schemas';

const textOf = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** Identity's answer as what the form shows: a wrong password belongs to its field, the rest to the form. */
function problemState(problem: IdentityProblem, passwordField: string, newPasswordField?: string): FormState {
  if (problem.code === 'Identity.InvalidCredentials')
    return { values: {}, fieldErrors: { [passwordField]: 'The password is not correct.' } };
  if (problem.errors?.length && newPasswordField)
    return {
      values: {},
      fieldErrors: {
        [newPasswordField]: `The new password ${problem.errors[0]?.detail ?? 'is not allowed'}.`,
      },
    };
  return { values: {}, fieldErrors: {}, formError: problem.detail };
}

/** Changes the password; identity ends every other session, this one stays signed in. */
export async function changePassword(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = changePasswordSchema.safeParse({
    currentPassword: textOf(form, 'currentPassword'),
    newPassword: textOf(form, 'newPassword'),
    confirmPassword: textOf(form, 'confirmPassword'),
  });
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await callIdentity<{ revokedSessions: number }>('browser/change-password', {
    body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword },
    csrfToken: textOf(form, 'csrf'),
  });
  if (!result.ok) return problemState(result.problem, 'currentPassword', 'newPassword');
  return redirectOnThisHost('/account?password-changed=1');
}

/** Deletes the account after the password is confirmed; identity clears the cookies. */
export async function deleteAccount(_previous: FormState, form: FormData): Promise<FormState> {
  const parsed = deleteAccountSchema.safeParse({
    password: textOf(form, 'password'),
    confirm: textOf(form, 'confirm'),
  });
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await callIdentity('browser/delete-account', {
    body: { password: parsed.data.password },
    csrfToken: textOf(form, 'csrf'),
    relayCookies: true,
  });
  if (!result.ok) return problemState(result.problem, 'password');
  return redirectOnThisHost('/sign-in?account-deleted=1');
}
