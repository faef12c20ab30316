import { unaryHandler } from '@shopstream/service-defaults';
import { invalidToken } from '@shopstream/service-defaults/auth';
import {
  CartServiceService,
  type AddItemRequest,
  type AddItemResponse,
  type CartServiceServer,
  type ClearCartRequest,
  type ClearCartResponse,
  type GetCartRequest,
  type GetCartResponse,
  type MergeCartsRequest,
  type MergeCartsResponse,
  type RemoveItemRequest,
  type RemoveItemResponse,
  type SetQuantityRequest,
  type SetQuantityResponse,
} from '@shopstream/proto/orders/v1/cart_service.js';
import { addItem } from '../../app/add-item.js';
import { clearCart } from '../../app/clear-cart.js';
import { getCart } from '../../app/get-cart.js';
import { mergeCarts } from '../../app/merge-carts.js';
import type { CartDeps } from '../../app/ports.js';
import { removeItem } from '../../app/remove-item.js';
import { setQuantity } from '../../app/set-quantity.js';
import { shopperOf, type CallContextDeps } from './call-context.js';
import { cartMessage, droppedMessage } from './cart-messages.js';

/**
 * `shopstream.orders.v1.CartService`: who calls (call-context), the use case, the answer as a message;
 * every error is a DomainError that `unaryHandler` turns into a gRPC status with `x-error-code`.
 */
export function cartGrpcService(deps: CartDeps, context: CallContextDeps): CartServiceServer {
  const paths = CartServiceService;
  return {
    getCart: unaryHandler<GetCartRequest, GetCartResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.getCart.path);
      return { cart: cartMessage(await getCart(deps, shopper, request)) };
    }),

    addItem: unaryHandler<AddItemRequest, AddItemResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.addItem.path);
      const { result, replayed } = await addItem(deps, shopper, request);
      return { cart: cartMessage(result.cart), cartToken: result.cartToken, replayed };
    }),

    setQuantity: unaryHandler<SetQuantityRequest, SetQuantityResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.setQuantity.path);
      const { result, replayed } = await setQuantity(deps, shopper, request);
      return { cart: cartMessage(result), replayed };
    }),

    removeItem: unaryHandler<RemoveItemRequest, RemoveItemResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.removeItem.path);
      const { result, replayed } = await removeItem(deps, shopper, request);
      return { cart: cartMessage(result), replayed };
    }),

    clearCart: unaryHandler<ClearCartRequest, ClearCartResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.clearCart.path);
      const { result, replayed } = await clearCart(deps, shopper, request);
      return { cart: cartMessage(result), replayed };
    }),

    mergeCarts: unaryHandler<MergeCartsRequest, MergeCartsResponse>(async (request, call) => {
      const shopper = await shopperOf(context, call, paths.mergeCarts.path);
      if (shopper.kind !== 'user') throw invalidToken();
      const { result, replayed } = await mergeCarts(deps, shopper, request);
      return {
        cart: cartMessage(result.cart),
        mergedLines: result.mergedLines,
        dropped: result.dropped.map(droppedMessage),
        replayed,
      };
    }),
  };
}
