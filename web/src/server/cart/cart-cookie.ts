/**
 * The anonymous shopper's cart cookie (adr/0055): it holds the signed cart token orders issued (adr/0047) as
 * is — opaque to the web app. `__Host-` like the session cookies (adr/0018): Secure, Path=/, no Domain;
 * HttpOnly (no script reads it); SameSite=Lax (a link from elsewhere still shows the cart). 30 days, the
 * cart's own default expiry; orders empties a cart nobody changed for that long.
 */
export const CART_COOKIE = '__Host-shopstream-cart';

export const CART_COOKIE_ATTRIBUTES = {
  path: '/',
  secure: true,
  httpOnly: true,
  sameSite: 'lax',
  maxAge: 30 * 24 * 60 * 60,
} as const;

/** Only a plausible token is sent on (orders checks the signature); a mangled cookie counts as none. */
export function looksLikeCartToken(value: string | undefined): value is string {
  return value !== undefined && /^[A-Za-z0-9._-]{8,300}$/.test(value);
}
