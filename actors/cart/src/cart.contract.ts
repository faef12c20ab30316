/** Actor type name as registered with Dapr (the URL segment in /v1.0/actors/<type>/<id>/...). */
export const CART_ACTOR_TYPE = 'CartActor';

/** Whose cart: a signed-in user of a tenant, or an anonymous shopper named by a cart token. */
export type CartOwner =
  | { readonly kind: 'user'; readonly tenantId: string; readonly userId: string }
  | { readonly kind: 'anonymous'; readonly tenantId: string; readonly cartId: string };

/**
 * The actor id of a cart: `cart:<tenant>:<userId>` for a user, `cart:<tenant>:anon:<cartId>` for an
 * anonymous shopper (`cartId` comes from the signed cart token, see `cart-token.ts`). User ids never contain
 * `:`, so the two shapes cannot collide.
 */
export function cartActorId(owner: CartOwner): string {
  return owner.kind === 'user'
    ? `cart:${owner.tenantId}:${owner.userId}`
    : `cart:${owner.tenantId}:anon:${owner.cartId}`;
}

/**
 * The shopper's own credential, passed on by the calling app and verified again by the actor (defence in
 * depth: a caller that reaches the actor some other way cannot touch a cart it does not own).
 */
export type CartCaller = { readonly accessToken: string } | { readonly cartToken: string };

/** Money in a currency's minor unit; the amount is a decimal string (as in shopstream.common.v1.Money). */
export interface MoneyView {
  readonly currencyCode: string;
  readonly amountMinor: string;
}

/** Why a line cannot be bought as it is (null: it can). */
export type LineProblem = 'no-longer-sold' | 'not-sold-in-region' | 'not-enough-stock' | 'cart-full';

/** What a line is: a SKU of a product in a region, with what the catalog called it, and how many. */
export interface CartLineBase {
  readonly productId: string;
  readonly skuId: string;
  readonly region: string;
  readonly skuCode: string;
  readonly title: string;
  readonly options: Readonly<Record<string, string>>;
  readonly quantity: number;
}

export interface CartLineView extends CartLineBase {
  /** The catalog's price now (the last known one when the cart's `pricingStale`). */
  readonly unitPrice: MoneyView;
  readonly priceWhenAdded: MoneyView;
  readonly priceChanged: boolean;
  readonly lineTotal: MoneyView;
  readonly problem: LineProblem | null;
  readonly addedAt: string;
}

export interface CartView {
  readonly lines: readonly CartLineView[];
  /** One total per currency, ordered by currency code. */
  readonly totals: readonly MoneyView[];
  readonly itemCount: number;
  readonly revision: number;
  readonly updatedAt: string | null;
  readonly expiresAt: string | null;
  /** The catalog could not be reached: prices and problems are the last known ones. */
  readonly pricingStale: boolean;
}

/** A line to merge in (from the anonymous cart); prices are looked up again, never taken from here. */
export interface MergeLineInput {
  readonly productId: string;
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

export interface DroppedLineView {
  readonly skuId: string;
  readonly region: string;
  /** `cart-full`: the merge would have made more than 50 lines. */
  readonly problem: LineProblem;
}

export interface MergeResult {
  readonly cart: CartView;
  readonly mergedLines: number;
  readonly dropped: readonly DroppedLineView[];
}

interface Mutation {
  readonly caller: CartCaller;
  /** Applied at most once per cart (the actor remembers recent keys), whatever the caller retries. */
  readonly idempotencyKey: string;
}

export interface AddItemInput extends Mutation {
  readonly productId: string;
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

export interface SetQuantityInput extends Mutation {
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
}

export interface RemoveItemInput extends Mutation {
  readonly skuId: string;
  readonly region: string;
}

export interface SnapshotInput {
  readonly caller: CartCaller;
  /** The order the snapshot is for: it becomes the cart's checkout ticket for `removeOrdered`. */
  readonly orderId: string;
}

/** The lines an order took from the cart; no shopper credential: the order's checkout ticket stands in. */
export interface RemoveOrderedInput {
  readonly orderId: string;
  readonly idempotencyKey: string;
  readonly lines: readonly { readonly skuId: string; readonly region: string; readonly quantity: number }[];
}

export interface MergeInput extends Mutation {
  readonly lines: readonly MergeLineInput[];
}

/**
 * One shopper's cart (see `cartActorId`). Each method takes one input object (the JSON request body) and
 * returns an object; each call is one actor turn (Dapr serialises calls and the expiry reminder per id).
 *
 * - Every call carries the shopper's credential (`caller`); the actor verifies it and refuses
 *   (`Cart.NotYourCart`, permission denied) unless it names this very cart — before reading anything.
 * - Prices, titles and availability come from the catalog at the time of the call; each line keeps the
 *   price it had when added, so the view shows a change.
 * - Bad input (quantity outside 1-99, unknown product or SKU, another tenant's product, a region the SKU is
 *   not priced in) fails with a `Cart.*` validation error naming the field and changes nothing.
 * - A mutation whose idempotency key this cart already applied changes nothing and returns the cart.
 * - The cart empties itself when nobody changed it for the expiry period (one durable reminder, re-armed
 *   from inside; it survives restarts); reads treat an overdue cart as empty even before the reminder ran.
 */
export interface CartActorContract {
  get(input: { caller: CartCaller }): Promise<CartView>;
  addItem(input: AddItemInput): Promise<CartView>;
  setQuantity(input: SetQuantityInput): Promise<CartView>;
  removeItem(input: RemoveItemInput): Promise<CartView>;
  clear(input: Mutation): Promise<CartView>;
  /** Adds lines from another cart (the anonymous one at sign-in); unbuyable lines are dropped and listed. */
  merge(input: MergeInput): Promise<MergeResult>;
  /**
   * Checkout's snapshot: the cart priced fresh by the catalog (cache bypassed), and a checkout ticket for
   * `orderId`, so the checkout can later take the ordered lines out without the shopper's credential
   * (short-lived tokens never go into a workflow's history).
   */
  snapshot(input: SnapshotInput): Promise<CartView>;
  /**
   * After a confirmed checkout: takes the order's lines out (see `removeOrderedLines`). Refused
   * (`Cart.NoCheckout`) unless this cart was snapshotted for that order; applied once per idempotency key.
   */
  removeOrdered(input: RemoveOrderedInput): Promise<CartView>;
}
