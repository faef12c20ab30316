import type { CartCaller, CartOwner, CartTokens } from '@shopstream/actor-cart';
import { cartTokenOfOtherShop, cartTokenRequired, unexpectedCartToken } from '../domain/orders-errors.js';

/** Who calls, as the edge authenticated it: a signed-in user (with the raw token) or an anonymous shopper. */
export type Shopper =
  | {
      readonly kind: 'user';
      readonly tenantId: string;
      readonly userId: string;
      readonly accessToken: string;
    }
  | { readonly kind: 'anonymous'; readonly tenantId: string };

/** A cart and the credential that proves the caller's right to it (passed on to the actor). */
export interface CartRef {
  readonly owner: CartOwner;
  readonly caller: CartCaller;
  /** The idempotency scope of this cart's changes. */
  readonly scope: string;
}

export const scopeOf = (owner: CartOwner): string =>
  owner.kind === 'user'
    ? `orders|cart|${owner.tenantId}|user:${owner.userId}`
    : `orders|cart|${owner.tenantId}|anon:${owner.cartId}`;

export function userCart(shopper: Extract<Shopper, { kind: 'user' }>): CartRef {
  const owner: CartOwner = { kind: 'user', tenantId: shopper.tenantId, userId: shopper.userId };
  return { owner, caller: { accessToken: shopper.accessToken }, scope: scopeOf(owner) };
}

/** The anonymous cart a token names, in the caller's shop (a token of another shop is refused). */
export function anonymousCart(tokens: CartTokens, tenantId: string, token: string, field: string): CartRef {
  const named = tokens.verify(token);
  if (named.tenantId !== tenantId) throw cartTokenOfOtherShop(field);
  const owner: CartOwner = { kind: 'anonymous', tenantId, cartId: named.cartId };
  return { owner, caller: { cartToken: token }, scope: scopeOf(owner) };
}

/**
 * The caller's cart: a user's own (no cart token allowed beside the bearer token), or the anonymous cart of
 * `cartToken`; null for an anonymous shopper without one (no cart yet).
 */
export function cartOf(tokens: CartTokens, shopper: Shopper, cartToken: string): CartRef | null {
  if (shopper.kind === 'user') {
    if (cartToken !== '') throw unexpectedCartToken('cartToken');
    return userCart(shopper);
  }
  return cartToken === '' ? null : anonymousCart(tokens, shopper.tenantId, cartToken, 'cartToken');
}

/** Like `cartOf`, for changes of an existing line or the whole cart: an anonymous shopper needs a token. */
export function existingCartOf(tokens: CartTokens, shopper: Shopper, cartToken: string): CartRef {
  const ref = cartOf(tokens, shopper, cartToken);
  if (!ref) throw cartTokenRequired('cartToken');
  return ref;
}
