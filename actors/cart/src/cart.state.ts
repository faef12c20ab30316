import type { CartLineBase, MoneyView } from './cart.contract.js';

/** State keys of CartActor. All state goes through the actor state manager, never instance fields. */
export const CartStateKeys = {
  /** `StoredCart`: the lines, revision, last change and the idempotency keys applied recently. */
  cart: 'cart',
  /** `number | null`: epoch ms the expiry reminder is armed for (null: not armed). */
  expiryArmedAt: 'expiry-armed-at',
  /** `string[]`: the order ids this cart was snapshotted for (checkout tickets), newest last. */
  checkouts: 'checkouts',
} as const;

/** Reminder names (unique per actor id). */
export const CartSchedules = {
  expiryReminder: 'expiry',
} as const;

/** Bounds on a cart. */
export const CartLimits = {
  minQuantity: 1,
  maxQuantity: 99,
  maxLines: 50,
  /** Default expiry of a cart nobody changed: 30 days. */
  defaultExpiryMs: 30 * 24 * 60 * 60 * 1000,
  /** Idempotency keys a cart remembers (newest kept) and for how long. */
  maxAppliedKeys: 100,
  appliedKeyRetentionMs: 24 * 60 * 60 * 1000,
  /** The expiry reminder repeats at least this often as a backstop (re-armed or unregistered when it fires). */
  minExpiryPeriodMs: 60_000,
  /** An armed time this far in the past means the reminder did not fire: arm it again. */
  staleArmedMs: 60_000,
  /** Checkout tickets a cart keeps (a saga may take the ordered lines out only with one). */
  maxCheckouts: 20,
} as const;

/** One line as stored (epoch ms; prices as the catalog gave them). */
export interface StoredLine extends CartLineBase {
  readonly priceWhenAdded: MoneyView;
  /** The price at the latest change of this line (shown when the catalog cannot be reached). */
  readonly lastPrice: MoneyView;
  /** The product's catalog sequence at the latest change: later reads are never older than it. */
  readonly sequence: number;
  readonly addedAt: number;
}

export interface AppliedKey {
  readonly key: string;
  readonly at: number;
}

export interface StoredCart {
  readonly lines: readonly StoredLine[];
  readonly revision: number;
  /** Epoch ms of the latest change (0: never changed). */
  readonly updatedAt: number;
  readonly applied: readonly AppliedKey[];
}

export const emptyCart: StoredCart = { lines: [], revision: 0, updatedAt: 0, applied: [] };
