import { CartCommandSchemas } from '@shopstream/actor-cart';
import { changeCart } from './change-cart.js';
import type { CartDeps } from './ports.js';
import type { Shopper } from './shopper.js';

export interface RemoveItemRequest {
  readonly idempotencyKey: string;
  readonly cartToken: string;
  readonly skuId: string;
  readonly region: string;
}

/** Removes a line of the caller's cart (a line that is not there: nothing changes). */
export function removeItem(deps: CartDeps, shopper: Shopper, request: RemoveItemRequest) {
  const { cartToken, ...fields } = request;
  return changeCart(deps, shopper, {
    operation: 'RemoveItem',
    schema: CartCommandSchemas.removeItem,
    fields,
    cartToken,
    fingerprintFields: (c) => [c.skuId, c.region],
    apply: (ref, command) => deps.carts(ref.owner).removeItem({ caller: ref.caller, ...command }),
  });
}
