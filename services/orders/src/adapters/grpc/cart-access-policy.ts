import type { AccessPolicy } from '@shopstream/service-defaults/auth';
import { CartServiceService } from '@shopstream/proto/orders/v1/cart_service.js';

/**
 * Who may call what (deny by default). Anonymous shoppers have carts too (named by a cart token in the shop
 * of `x-tenant-id`); a bearer token, when present, must be valid and decides tenant and cart. Merging needs a
 * signed-in user.
 */
export const CART_ACCESS_POLICY: AccessPolicy = {
  [CartServiceService.getCart.path]: { public: true },
  [CartServiceService.addItem.path]: { public: true },
  [CartServiceService.setQuantity.path]: { public: true },
  [CartServiceService.removeItem.path]: { public: true },
  [CartServiceService.clearCart.path]: { public: true },
  [CartServiceService.mergeCarts.path]: { roles: [] },
};
