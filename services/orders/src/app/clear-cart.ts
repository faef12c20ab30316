import { CartCommandSchemas } from '@shopstream/actor-cart';
import { changeCart } from './change-cart.js';
import type { CartDeps } from './ports.js';
import type { Shopper } from './shopper.js';

/** Empties the caller's cart. */
export function clearCart(
  deps: CartDeps,
  shopper: Shopper,
  request: { readonly idempotencyKey: string; readonly cartToken: string },
) {
  return changeCart(deps, shopper, {
    operation: 'ClearCart',
    schema: CartCommandSchemas.clear,
    fields: { idempotencyKey: request.idempotencyKey },
    cartToken: request.cartToken,
    fingerprintFields: () => [],
    apply: (ref, command) => deps.carts(ref.owner).clear({ caller: ref.caller, ...command }),
  });
}
