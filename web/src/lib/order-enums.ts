import type { OrderState } from '@shopstream/proto/orders/v1/order.js';

/**
 * orders' `OrderState` as values (the generated enums are not in the bundle, adr/0020; like
 * catalog-enums.ts). Proto enum numbers never change (buf breaking checks it).
 */
export const ORDER_STATE = {
  UNSPECIFIED: 0 as OrderState.ORDER_STATE_UNSPECIFIED,
  PENDING: 1 as OrderState.ORDER_STATE_PENDING,
  STOCK_RESERVED: 2 as OrderState.ORDER_STATE_STOCK_RESERVED,
  PAYMENT_AUTHORIZED: 3 as OrderState.ORDER_STATE_PAYMENT_AUTHORIZED,
  PAID: 4 as OrderState.ORDER_STATE_PAID,
  CONFIRMED: 5 as OrderState.ORDER_STATE_CONFIRMED,
  FAILED: 6 as OrderState.ORDER_STATE_FAILED,
  CANCELLED: 7 as OrderState.ORDER_STATE_CANCELLED,
  COMPENSATED: 8 as OrderState.ORDER_STATE_COMPENSATED,
  REFUNDED: 9 as OrderState.ORDER_STATE_REFUNDED,
} as const;

export type OrderStateName = keyof typeof ORDER_STATE;

/** States the checkout saga does not leave (REFUNDED follows CONFIRMED by an admin's refund only). */
export const FINAL_STATES: ReadonlySet<number> = new Set([
  ORDER_STATE.CONFIRMED,
  ORDER_STATE.FAILED,
  ORDER_STATE.CANCELLED,
  ORDER_STATE.COMPENSATED,
  ORDER_STATE.REFUNDED,
]);
