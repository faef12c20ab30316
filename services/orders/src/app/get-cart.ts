import type { CartView } from '@shopstream/actor-cart';
import { EMPTY_CART } from './empty-cart.js';
import type { CartDeps } from './ports.js';
import { cartOf, type Shopper } from './shopper.js';

/** The caller's cart priced now (an anonymous shopper without a token has an empty one). */
export async function getCart(
  deps: CartDeps,
  shopper: Shopper,
  request: { readonly cartToken: string },
): Promise<CartView> {
  const ref = cartOf(deps.cartTokens, shopper, request.cartToken);
  return ref ? deps.carts(ref.owner).get({ caller: ref.caller }) : EMPTY_CART;
}
