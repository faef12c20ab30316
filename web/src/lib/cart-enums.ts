import type { LineProblem } from '@shopstream/proto/orders/v1/cart_service.js';

/**
 * orders' `LineProblem` as values: the generated enums are TypeScript source the bundle does not load
 * (adr/0020, like catalog-enums.ts). Proto enum numbers never change (buf breaking checks it).
 */
export const LINE_PROBLEM = {
  NONE: 0 as LineProblem.LINE_PROBLEM_UNSPECIFIED,
  NO_LONGER_SOLD: 1 as LineProblem.LINE_PROBLEM_NO_LONGER_SOLD,
  NOT_SOLD_IN_REGION: 2 as LineProblem.LINE_PROBLEM_NOT_SOLD_IN_REGION,
  NOT_ENOUGH_STOCK: 3 as LineProblem.LINE_PROBLEM_NOT_ENOUGH_STOCK,
  CART_FULL: 4 as LineProblem.LINE_PROBLEM_CART_FULL,
} as const;
