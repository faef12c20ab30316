'use server';

import { redirectOnThisHost } from '@/server/same-site-redirect';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { callIdentity } from '@/server/identity/identity-client';

const csrfOf = (form: FormData) => {
  const v = form.get('csrf');
  return typeof v === 'string' ? v : '';
};

/** Signs this browser out (clears the cookies even when the session had already ended). */
export async function signOut(form: FormData): Promise<void> {
  await callIdentity('browser/sign-out', { body: {}, csrfToken: csrfOf(form), relayCookies: true });
  return redirectOnThisHost('/sign-in?signed-out=1');
}

export async function signOutEverywhere(form: FormData): Promise<void> {
  await callIdentity('browser/sign-out-everywhere', {
    body: {},
    csrfToken: csrfOf(form),
    relayCookies: true,
  });
  return redirectOnThisHost('/sign-in?signed-out=everywhere');
}

const sessionIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/);

export async function signOutSession(form: FormData): Promise<void> {
  const sessionId = sessionIdSchema.safeParse(form.get('sessionId'));
  if (!sessionId.success) return redirectOnThisHost('/account?error=session');
  const result = await callIdentity<{ sessionId: string }>(`browser/sessions/${sessionId.data}/sign-out`, {
    body: {},
    csrfToken: csrfOf(form),
    relayCookies: true,
  });
  if (form.get('current') === 'true') return redirectOnThisHost('/sign-in?signed-out=1');
  if (!result.ok) return redirectOnThisHost('/account?error=session');
  revalidatePath('/account');
  return redirectOnThisHost('/account?signed-out-session=1');
}
