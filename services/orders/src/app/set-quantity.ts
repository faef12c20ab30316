import { CartCommandSchemas } from '@shopstream/actor-cart';
import { changeCart } from './change-cart.js';
import type { CartDeps } from './ports.js';
import type { Shopper } from './shopper.js';

export interface SetQuantityRequest {
  readonly idempotencyKey: string;
  readonly cartToken: string;
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

/** Sets the quantity (1-99) of a line of the caller's cart, priced by the catalog now. */
export function setQuantity(deps: CartDeps, shopper: Shopper, request: SetQuantityRequest) {
  const { cartToken, ...fields } = request;
  return changeCart(deps, shopper, {
    operation: 'SetQuantity',
    schema: CartCommandSchemas.setQuantity,
    fields,
    cartToken,
    fingerprintFields: (c) => [c.skuId, c.region, c.quantity],
    apply: (ref, command) => deps.carts(ref.owner).setQuantity({ caller: ref.caller, ...command }),
  });
}
