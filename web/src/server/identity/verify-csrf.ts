import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { cookies } from 'next/headers';
import { REFRESH_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';

/**
 * The CSRF check of adr/0018, done by the web app itself for mutations it sends elsewhere than identity
 * (catalog): the submitted token must equal HMAC-SHA256(key = refresh token, "shopstream-csrf-v1"),
 * compared in constant time. No refresh cookie → no session → refused.
 */
export async function isValidCsrfToken(submitted: unknown): Promise<boolean> {
  const refreshToken = (await cookies()).get(REFRESH_COOKIE)?.value;
  if (!refreshToken || typeof submitted !== 'string' || submitted.length === 0) return false;
  const expected = Buffer.from(
    createHmac('sha256', refreshToken).update('shopstream-csrf-v1').digest('base64url'),
  );
  const given = Buffer.from(submitted);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
