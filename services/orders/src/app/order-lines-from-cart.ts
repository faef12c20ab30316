import type { CartView } from '@shopstream/actor-cart';
import type { OrderLine } from '../domain/order.js';
import {
  cartChanged,
  cartEmpty,
  cartNotBuyable,
  mixedCurrencies,
  pricingUnavailable,
} from '../domain/orders-errors.js';

/**
 * The order's lines from a fresh cart snapshot: refused when the cart is empty, is not the revision the
 * shopper saw (`expectedRevision`, 0 = no check), has a line that cannot be bought now, mixes currencies
 * (one payment has one currency), or could not be priced.
 */
export function orderLinesFromCart(
  cart: CartView,
  expectedRevision: number,
): { lines: OrderLine[]; currency: string } {
  if (cart.pricingStale) throw pricingUnavailable();
  if (cart.lines.length === 0) throw cartEmpty();
  if (expectedRevision !== 0 && cart.revision !== expectedRevision)
    throw cartChanged(expectedRevision, cart.revision);
  const problems = cart.lines.flatMap((line, index) =>
    line.problem === null ? [] : [{ index, problem: line.problem.replaceAll('-', ' ') }],
  );
  if (problems.length > 0) throw cartNotBuyable(problems);
  const currencies = new Set(cart.lines.map((line) => line.unitPrice.currencyCode));
  const [currency] = currencies;
  if (currencies.size !== 1 || currency === undefined) throw mixedCurrencies();
  return {
    currency,
    lines: cart.lines.map((line) => ({
      productId: line.productId,
      skuId: line.skuId,
      region: line.region,
      skuCode: line.skuCode,
      title: line.title,
      quantity: line.quantity,
      unitPriceMinor: Number(line.unitPrice.amountMinor),
    })),
  };
}
