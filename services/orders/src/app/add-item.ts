import { CartCommandSchemas, type CartView } from '@shopstream/actor-cart';
import { parseInput } from '@shopstream/service-defaults';
import { fingerprintOf, idempotently, type IdempotentResult } from './idempotently.js';
import type { CartDeps } from './ports.js';
import { cartOf, scopeOf, type CartRef, type Shopper } from './shopper.js';

export interface AddItemRequest {
  readonly idempotencyKey: string;
  readonly cartToken: string;
  readonly productId: string;
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

export interface AddItemResult {
  readonly cart: CartView;
  /** Anonymous shoppers: the token of the cart (new when none was sent). */
  readonly cartToken: string;
}

/**
 * Adds units of a SKU in a region to the caller's cart; an anonymous shopper without a cart gets a new one
 * (its token is part of the stored answer, so a retry returns the same cart). The input is checked before
 * the key is claimed: bad input writes nothing.
 */
export async function addItem(
  deps: CartDeps,
  shopper: Shopper,
  request: AddItemRequest,
): Promise<IdempotentResult<AddItemResult>> {
  const { cartToken, ...fields } = request;
  const command = parseInput(CartCommandSchemas.addItem, fields, 'Cart.InvalidAddItem');
  const existing = cartOf(deps.cartTokens, shopper, cartToken);
  const scope = existing?.scope ?? `orders|cart|${shopper.tenantId}|new`;
  const fingerprint = fingerprintOf('AddItem', [
    cartToken,
    command.productId,
    command.skuId,
    command.region,
    command.quantity,
  ]);
  return idempotently(deps, { scope, key: command.idempotencyKey, fingerprint }, async () => {
    let ref: CartRef;
    let token = cartToken;
    if (existing) ref = existing;
    else {
      const minted = deps.cartTokens.mint(shopper.tenantId);
      const owner = { kind: 'anonymous', tenantId: shopper.tenantId, cartId: minted.cartId } as const;
      token = minted.token;
      ref = { owner, caller: { cartToken: token }, scope: scopeOf(owner) };
    }
    const cart = await deps.carts(ref.owner).addItem({ caller: ref.caller, ...command });
    return { cart, cartToken: shopper.kind === 'user' ? '' : token };
  });
}
