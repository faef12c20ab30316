import type { CartView } from '@shopstream/actor-cart';

/** The cart of a shopper who has none yet. */
export const EMPTY_CART: CartView = {
  lines: [],
  totals: [],
  itemCount: 0,
  revision: 0,
  updatedAt: null,
  expiresAt: null,
  pricingStale: false,
};
