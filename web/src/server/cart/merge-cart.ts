import 'server-only';
import { cookies } from 'next/headers';
import { callCart, forgetCartToken, isBadCartToken } from './cart-client';
import { CART_COOKIE, looksLikeCartToken } from './cart-cookie';

/**
 * At sign-in (adr/0055): the anonymous cart of the cart cookie moves into the user's cart (orders'
 * MergeCarts, keyed by the sign-in form's idempotency key) and the cookie goes. A merge orders cannot do
 * now (unavailable) keeps the cookie: the anonymous cart is still there, and the next sign-in merges it.
 * Never fails the sign-in itself.
 */
export async function mergeAnonymousCart(
  tenantId: string,
  accessToken: string,
  idempotencyKey: string,
): Promise<void> {
  const cartToken = (await cookies()).get(CART_COOKIE)?.value;
  if (!looksLikeCartToken(cartToken)) return;
  const result = await callCart(
    'mergeCarts',
    { idempotencyKey: `merge-${idempotencyKey}`, anonymousCartToken: cartToken },
    { tenantId, accessToken },
  );
  if (result.ok || isBadCartToken(result.problem)) await forgetCartToken();
}
