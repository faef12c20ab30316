import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type {
  CartLineView,
  CartView,
  DroppedLineView,
  LineProblem,
  MergeLineInput,
  MoneyView,
} from './cart.contract.js';
import type { CatalogProduct } from './cart.ports.js';
import { CartLimits, emptyCart, type StoredCart, type StoredLine } from './cart.state.js';

/** A SKU in a region as the catalog sells it now. */
export interface Offer {
  readonly productId: string;
  readonly skuId: string;
  readonly skuCode: string;
  readonly title: string;
  readonly options: Readonly<Record<string, string>>;
  readonly region: string;
  readonly price: MoneyView;
  readonly available: number;
  readonly sequence: number;
}

/** Products by id as the catalog answered (null: no such product for this tenant). */
export type PricedProducts = ReadonlyMap<string, CatalogProduct | null>;

const invalid = (code: string, field: string, detail: string) =>
  new DomainError(ErrorKind.Validation, code, `The request is invalid: ${field} ${detail}.`, {
    fields: [{ field, detail }],
  });

const notAvailable = (available: number) =>
  new DomainError(ErrorKind.Conflict, 'Cart.NotAvailable', `Not enough stock: ${available} available.`, {
    fields: [{ field: 'quantity', detail: `only ${available} available` }],
  });

/** The offer for a SKU in a region, or why there is none. */
export function findOffer(
  product: CatalogProduct | null,
  skuId: string,
  region: string,
): { readonly offer: Offer } | { readonly problem: LineProblem } {
  const sku = product?.skus.find((s) => s.skuId === skuId);
  if (!product || !product.active || !sku) return { problem: 'no-longer-sold' };
  const price = sku.prices.find((p) => p.region === region)?.price;
  if (!price) return { problem: 'not-sold-in-region' };
  const available = sku.stock.find((s) => s.region === region)?.available ?? 0;
  return {
    offer: {
      productId: product.productId,
      skuId,
      skuCode: sku.code,
      title: product.title,
      options: sku.options,
      region,
      price,
      available,
      sequence: product.sequence,
    },
  };
}

/**
 * The offer a change needs, or a validation error naming the field: an unknown product (also a draft or
 * another tenant's) → productId, a SKU not of that product → skuId, an archived product → productId, a
 * region the SKU is not priced in → region.
 */
export function requireOffer(
  product: CatalogProduct | null,
  ref: { readonly productId: string; readonly skuId: string; readonly region: string },
): Offer {
  if (!product) throw invalid('Cart.UnknownProduct', 'productId', 'names no product of this shop');
  if (!product.skus.some((s) => s.skuId === ref.skuId)) {
    throw invalid('Cart.UnknownSku', 'skuId', 'names no SKU of this product');
  }
  const found = findOffer(product, ref.skuId, ref.region);
  if ('offer' in found) return found.offer;
  if (found.problem === 'not-sold-in-region') {
    throw invalid('Cart.NotSoldInRegion', 'region', 'is a region this SKU is not sold in');
  }
  throw invalid('Cart.NoLongerSold', 'productId', 'is no longer sold');
}

const sameLine = (line: StoredLine, skuId: string, region: string) =>
  line.skuId === skuId && line.region === region;

export const findLine = (cart: StoredCart, skuId: string, region: string): StoredLine | undefined =>
  cart.lines.find((line) => sameLine(line, skuId, region));

function changed(cart: StoredCart, lines: readonly StoredLine[], now: number): StoredCart {
  return { ...cart, lines, revision: cart.revision + 1, updatedAt: now };
}

function lineFrom(offer: Offer, quantity: number, addedAt: number, priceWhenAdded: MoneyView): StoredLine {
  return {
    productId: offer.productId,
    skuId: offer.skuId,
    region: offer.region,
    skuCode: offer.skuCode,
    title: offer.title,
    options: offer.options,
    quantity,
    priceWhenAdded,
    lastPrice: offer.price,
    sequence: offer.sequence,
    addedAt,
  };
}

/** Adds `quantity` units (a new line, or more of an existing one at today's price); at most 99 per line. */
export function addLine(cart: StoredCart, offer: Offer, quantity: number, now: number): StoredCart {
  const existing = findLine(cart, offer.skuId, offer.region);
  const total = (existing?.quantity ?? 0) + quantity;
  if (total > CartLimits.maxQuantity) {
    throw invalid(
      'Cart.QuantityTooHigh',
      'quantity',
      `would make the line ${total} units (at most ${CartLimits.maxQuantity})`,
    );
  }
  if (total > offer.available) throw notAvailable(offer.available);
  if (!existing) {
    if (cart.lines.length >= CartLimits.maxLines) {
      throw invalid('Cart.TooManyLines', 'skuId', `would be line ${cart.lines.length + 1} of at most 50`);
    }
    return changed(cart, [...cart.lines, lineFrom(offer, total, now, offer.price)], now);
  }
  const line = lineFrom(offer, total, existing.addedAt, offer.price);
  return changed(
    cart,
    cart.lines.map((l) => (l === existing ? line : l)),
    now,
  );
}

/** Sets a line's quantity (1-99); the price it was added at is kept. */
export function setLineQuantity(cart: StoredCart, offer: Offer, quantity: number, now: number): StoredCart {
  const existing = findLine(cart, offer.skuId, offer.region);
  if (!existing) throw lineNotFound();
  if (quantity > offer.available) throw notAvailable(offer.available);
  const line = lineFrom(offer, quantity, existing.addedAt, existing.priceWhenAdded);
  return changed(
    cart,
    cart.lines.map((l) => (l === existing ? line : l)),
    now,
  );
}

export const lineNotFound = () =>
  new DomainError(ErrorKind.NotFound, 'Cart.LineNotFound', 'The cart has no line of this SKU and region.', {
    fields: [{ field: 'skuId', detail: 'is not in the cart in this region' }],
  });

/** Removes a line; removing one that is not there changes nothing. */
export function removeLine(cart: StoredCart, skuId: string, region: string, now: number): StoredCart {
  if (!findLine(cart, skuId, region)) return cart;
  return changed(
    cart,
    cart.lines.filter((l) => !sameLine(l, skuId, region)),
    now,
  );
}

/**
 * Takes an order's lines out of the cart after checkout: each line loses the units ordered (a line the
 * shopper raised since keeps the difference; one they removed stays removed), so what was added during
 * checkout is kept.
 */
export function removeOrderedLines(
  cart: StoredCart,
  ordered: readonly { readonly skuId: string; readonly region: string; readonly quantity: number }[],
  now: number,
): StoredCart {
  let lines = cart.lines;
  let touched = false;
  for (const o of ordered) {
    lines = lines.flatMap((l) => {
      if (!sameLine(l, o.skuId, o.region)) return [l];
      touched = true;
      const left = l.quantity - o.quantity;
      return left > 0 ? [{ ...l, quantity: left }] : [];
    });
  }
  return touched ? changed(cart, lines, now) : cart;
}

/** The orders a cart was snapshotted for (newest last, at most `CartLimits.maxCheckouts`). */
export const withCheckout = (tickets: readonly string[], orderId: string): string[] =>
  [...tickets.filter((t) => t !== orderId), orderId].slice(-CartLimits.maxCheckouts);

export function clearLines(cart: StoredCart, now: number): StoredCart {
  return cart.lines.length === 0 ? cart : changed(cart, [], now);
}

/**
 * Merges lines of another cart: the same SKU and region add up (capped at 99 and at the stock available),
 * lines that cannot be bought or would exceed 50 lines are dropped and listed.
 */
export function mergeLines(
  cart: StoredCart,
  incoming: readonly MergeLineInput[],
  products: PricedProducts,
  now: number,
): { cart: StoredCart; mergedLines: number; dropped: DroppedLineView[] } {
  let lines = [...cart.lines];
  const dropped: DroppedLineView[] = [];
  let mergedLines = 0;
  for (const item of incoming) {
    const drop = (problem: DroppedLineView['problem']) =>
      dropped.push({ skuId: item.skuId, region: item.region, problem });
    const found = findOffer(products.get(item.productId) ?? null, item.skuId, item.region);
    if ('problem' in found) {
      drop(found.problem);
      continue;
    }
    const existing = lines.find((l) => sameLine(l, item.skuId, item.region));
    const wanted = Math.min(CartLimits.maxQuantity, (existing?.quantity ?? 0) + item.quantity);
    const quantity = Math.min(wanted, found.offer.available);
    if (quantity < 1) drop('not-enough-stock');
    else if (!existing && lines.length >= CartLimits.maxLines) drop('cart-full');
    else {
      const line = lineFrom(found.offer, quantity, existing?.addedAt ?? now, found.offer.price);
      lines = existing ? lines.map((l) => (l === existing ? line : l)) : [...lines, line];
      mergedLines += 1;
    }
  }
  return { cart: mergedLines > 0 ? changed(cart, lines, now) : cart, mergedLines, dropped };
}

/** True when `key` was applied to this cart within the retention period. */
export const alreadyApplied = (cart: StoredCart, key: string, now: number): boolean =>
  cart.applied.some((a) => a.key === key && a.at > now - CartLimits.appliedKeyRetentionMs);

/** Records `key` as applied (keeps the newest keys within retention). */
export function withApplied(cart: StoredCart, key: string, now: number): StoredCart {
  const kept = cart.applied.filter((a) => a.key !== key && a.at > now - CartLimits.appliedKeyRetentionMs);
  return { ...cart, applied: [...kept, { key, at: now }].slice(-CartLimits.maxAppliedKeys) };
}

/** When a cart that was ever changed expires (null: never changed, nothing to expire). */
export const dueAt = (cart: StoredCart, expiryMs: number): number | null =>
  cart.revision === 0 ? null : cart.updatedAt + expiryMs;

export const isOverdue = (cart: StoredCart, expiryMs: number, now: number): boolean => {
  const due = dueAt(cart, expiryMs);
  return due !== null && now >= due;
};

/** The cart a call starts from: an overdue cart is gone even if its reminder has not run yet. */
export const current = (cart: StoredCart, expiryMs: number, now: number): StoredCart =>
  isOverdue(cart, expiryMs, now) ? emptyCart : cart;

export type ExpiryPlan =
  | { readonly kind: 'keep' }
  | { readonly kind: 'arm'; readonly at: number; readonly dueMs: number; readonly periodMs: number };

function arm(at: number, now: number): ExpiryPlan {
  const dueMs = Math.max(0, at - now);
  return { kind: 'arm', at, dueMs, periodMs: Math.max(dueMs, CartLimits.minExpiryPeriodMs) };
}

/**
 * After a change: a change only moves the due time later, so an armed reminder is kept (it fires early, finds
 * the cart not overdue and re-arms itself, see `planOnReminder`); one armed long ago that never fired is armed
 * again.
 */
export function planAfterChange(armedAt: number | null, due: number, now: number): ExpiryPlan {
  if (armedAt !== null && armedAt > now - CartLimits.staleArmedMs) return { kind: 'keep' };
  return arm(due, now);
}

/** When the expiry reminder fires: expire the cart, or re-arm for its (later) due time. */
export function planOnReminder(
  cart: StoredCart,
  expiryMs: number,
  now: number,
): { readonly kind: 'expire' } | Extract<ExpiryPlan, { kind: 'arm' }> {
  const due = dueAt(cart, expiryMs);
  if (due === null || now >= due) return { kind: 'expire' };
  return arm(due, now) as Extract<ExpiryPlan, { kind: 'arm' }>;
}

const sameMoney = (a: MoneyView, b: MoneyView) =>
  a.currencyCode === b.currencyCode && BigInt(a.amountMinor) === BigInt(b.amountMinor);

const times = (money: MoneyView, quantity: number): MoneyView => ({
  currencyCode: money.currencyCode,
  amountMinor: (BigInt(money.amountMinor) * BigInt(quantity)).toString(),
});

/** One total per currency, ordered by currency code. */
export function totalsOf(lines: readonly Pick<CartLineView, 'lineTotal'>[]): MoneyView[] {
  const sums = new Map<string, bigint>();
  for (const { lineTotal } of lines) {
    sums.set(
      lineTotal.currencyCode,
      (sums.get(lineTotal.currencyCode) ?? 0n) + BigInt(lineTotal.amountMinor),
    );
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currencyCode, sum]) => ({ currencyCode, amountMinor: sum.toString() }));
}

const iso = (epochMs: number) => new Date(epochMs).toISOString();

function viewLine(line: StoredLine, products: PricedProducts | null): CartLineView {
  const found = products ? findOffer(products.get(line.productId) ?? null, line.skuId, line.region) : null;
  const offer = found && 'offer' in found ? found.offer : undefined;
  const unitPrice = offer?.price ?? line.lastPrice;
  let problem: LineProblem | null = found && 'problem' in found ? found.problem : null;
  if (offer && offer.available < line.quantity) problem = 'not-enough-stock';
  return {
    productId: line.productId,
    skuId: line.skuId,
    region: line.region,
    skuCode: offer?.skuCode ?? line.skuCode,
    title: offer?.title ?? line.title,
    options: offer?.options ?? line.options,
    quantity: line.quantity,
    unitPrice,
    priceWhenAdded: line.priceWhenAdded,
    priceChanged: !sameMoney(unitPrice, line.priceWhenAdded),
    lineTotal: times(unitPrice, line.quantity),
    problem,
    addedAt: iso(line.addedAt),
  };
}

/**
 * The cart as the shopper sees it, priced with `products` (the catalog's answers now; null when the
 * catalog could not be reached: the last known prices, flagged `pricingStale`).
 */
export function viewCart(cart: StoredCart, products: PricedProducts | null, expiryMs: number): CartView {
  const lines = cart.lines.map((line) => viewLine(line, products));
  const due = dueAt(cart, expiryMs);
  return {
    lines,
    totals: totalsOf(lines),
    itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
    revision: cart.revision,
    updatedAt: cart.revision === 0 ? null : iso(cart.updatedAt),
    expiresAt: due === null || cart.lines.length === 0 ? null : iso(due),
    pricingStale: products === null && cart.lines.length > 0,
  };
}
