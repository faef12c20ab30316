'use server';

import { redirectOnThisHost } from '@/server/same-site-redirect';
import { callIdentity } from '@/server/identity/identity-client';
import { requestContext } from '@/server/request-context';
import { mergeAnonymousCart } from '@/server/cart/merge-cart';
import { ACCESS_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';
import { idempotencyKeySchema } from '@/lib/form-fields';
import { fieldErrorsOf, signInSchema, signUpSchema } from './auth-schemas';
import { deviceLabel } from './device-label';
import type { FormState } from './form-state';

const textOf = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

/** Identity's field names → ours; the message stays identity's (it is written for users). */
const identityFieldErrors = (errors: readonly { field: string; detail: string }[] | undefined) =>
  Object.fromEntries(
    (errors ?? []).map((e) => [e.field, `${e.field === 'email' ? 'Email' : 'Password'} ${e.detail}.`]),
  );

export async function signUp(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: textOf(form, 'email') };
  const parsed = signUpSchema.safeParse({ email: values.email, password: textOf(form, 'password') });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await callIdentity<{ userId: string }>('auth/sign-up', { body: parsed.data });
  if (!result.ok) {
    const { problem } = result;
    if (problem.status === 409)
      return { values, fieldErrors: { email: 'An account with this email already exists.' } };
    if (problem.errors?.length) return { values, fieldErrors: identityFieldErrors(problem.errors) };
    return { values, fieldErrors: {}, formError: problem.detail };
  }
  return redirectOnThisHost('/sign-in?registered=1');
}

/** Where a sign-in may continue to: the shopping pages that need a session, else the account page. */
const AFTER_SIGN_IN = new Set(['/checkout', '/cart', '/orders'] as const);
type AfterSignIn = '/account' | (typeof AFTER_SIGN_IN extends Set<infer P> ? P : never);
const afterSignIn = (next: unknown): AfterSignIn =>
  typeof next === 'string' && AFTER_SIGN_IN.has(next as never) ? (next as AfterSignIn) : '/account';

export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  const values = { email: textOf(form, 'email') };
  const parsed = signInSchema.safeParse({ email: values.email, password: textOf(form, 'password') });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const { userAgent, tenantId } = await requestContext();
  let accessToken = '';
  const result = await callIdentity('browser/sign-in', {
    body: { ...parsed.data, device: deviceLabel(userAgent) },
    relayCookies: true,
    onRelayedCookie: (name, value) => {
      if (name === ACCESS_COOKIE) accessToken = value;
    },
  });
  if (!result.ok) {
    const { problem } = result;
    if (problem.status === 401 || problem.status === 400)
      return { values, fieldErrors: {}, formError: 'The email or password is not correct.' };
    return { values, fieldErrors: {}, formError: problem.detail };
  }
  // The anonymous cart joins the user's cart, keyed by this rendered form (a resubmit merges once).
  const mergeKey = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  if (accessToken !== '' && mergeKey.success) await mergeAnonymousCart(tenantId, accessToken, mergeKey.data);
  return redirectOnThisHost(afterSignIn(form.get('next')));
}
