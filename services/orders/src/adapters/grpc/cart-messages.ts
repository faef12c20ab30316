import type { CartLineView, CartView, DroppedLineView, LineProblem } from '@shopstream/actor-cart';
import { protoTimestamp } from '@shopstream/service-defaults';
import {
  LineProblem as LineProblemMessage,
  type Cart,
  type CartLine,
  type DroppedLine,
} from '@shopstream/proto/orders/v1/cart_service.js';

const PROBLEMS: Record<LineProblem, LineProblemMessage> = {
  'no-longer-sold': LineProblemMessage.LINE_PROBLEM_NO_LONGER_SOLD,
  'not-sold-in-region': LineProblemMessage.LINE_PROBLEM_NOT_SOLD_IN_REGION,
  'not-enough-stock': LineProblemMessage.LINE_PROBLEM_NOT_ENOUGH_STOCK,
  'cart-full': LineProblemMessage.LINE_PROBLEM_CART_FULL,
};

const timestamp = (iso: string | null) => (iso === null ? undefined : protoTimestamp(Date.parse(iso)));

function lineMessage(line: CartLineView): CartLine {
  return {
    productId: line.productId,
    skuId: line.skuId,
    region: line.region,
    skuCode: line.skuCode,
    title: line.title,
    options: { ...line.options },
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    priceWhenAdded: line.priceWhenAdded,
    priceChanged: line.priceChanged,
    lineTotal: line.lineTotal,
    problem: line.problem === null ? LineProblemMessage.LINE_PROBLEM_UNSPECIFIED : PROBLEMS[line.problem],
    addedAt: timestamp(line.addedAt),
  };
}

export function cartMessage(cart: CartView): Cart {
  return {
    lines: cart.lines.map(lineMessage),
    totals: [...cart.totals],
    itemCount: cart.itemCount,
    revision: String(cart.revision),
    updatedAt: timestamp(cart.updatedAt),
    expiresAt: timestamp(cart.expiresAt),
    pricingStale: cart.pricingStale,
  };
}

export const droppedMessage = (dropped: DroppedLineView): DroppedLine => ({
  skuId: dropped.skuId,
  region: dropped.region,
  problem: PROBLEMS[dropped.problem],
});
