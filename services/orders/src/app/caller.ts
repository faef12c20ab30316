/** A signed-in caller as the edge authenticated it (orders need a user; carts of anonymous shoppers do not). */
export interface OrdersCaller {
  readonly tenantId: string;
  readonly userId: string;
  /** The raw access token, passed on to the cart (the actor checks the shopper's own credential). */
  readonly accessToken: string;
  /** Role `orders.admin` or the tenant admin flag: may read and refund every order of the tenant. */
  readonly isAdmin: boolean;
}
