import { protoTimestamp } from '@shopstream/service-defaults';
import {
  OrderState as OrderStateMessage,
  type Order as OrderMessage,
  type OrderTransition as TransitionMessage,
} from '@shopstream/proto/orders/v1/order.js';
import type { OrderWithHistory } from '../../app/order-view.js';
import {
  checkoutWorkflowId,
  lineTotal,
  type Order,
  type OrderState,
  type OrderTransition,
} from '../../domain/order.js';

export const STATE_MESSAGES: Record<OrderState, OrderStateMessage> = {
  PENDING: OrderStateMessage.ORDER_STATE_PENDING,
  STOCK_RESERVED: OrderStateMessage.ORDER_STATE_STOCK_RESERVED,
  PAYMENT_AUTHORIZED: OrderStateMessage.ORDER_STATE_PAYMENT_AUTHORIZED,
  PAID: OrderStateMessage.ORDER_STATE_PAID,
  CONFIRMED: OrderStateMessage.ORDER_STATE_CONFIRMED,
  FAILED: OrderStateMessage.ORDER_STATE_FAILED,
  CANCELLED: OrderStateMessage.ORDER_STATE_CANCELLED,
  COMPENSATED: OrderStateMessage.ORDER_STATE_COMPENSATED,
  REFUNDED: OrderStateMessage.ORDER_STATE_REFUNDED,
};

/** OrderState values of a request as the domain's names ('' for UNSPECIFIED or unknown: refused by parsing). */
export const stateNames = (states: readonly OrderStateMessage[]): string[] =>
  states.map((s) => Object.entries(STATE_MESSAGES).find(([, m]) => m === s)?.[0] ?? '');

const money = (currency: string, amountMinor: number) => ({
  currencyCode: currency,
  amountMinor: String(amountMinor),
});

function transitionMessage(t: OrderTransition): TransitionMessage {
  return {
    fromState: t.from === null ? OrderStateMessage.ORDER_STATE_UNSPECIFIED : STATE_MESSAGES[t.from],
    toState: STATE_MESSAGES[t.to],
    reason: t.reason,
    at: protoTimestamp(t.at),
    version: String(t.version),
  };
}

export function orderMessage(order: Order, transitions: readonly OrderTransition[] = []): OrderMessage {
  return {
    orderId: order.id,
    userId: order.userId,
    state: STATE_MESSAGES[order.state],
    lines: order.lines.map((l) => ({
      productId: l.productId,
      skuId: l.skuId,
      region: l.region,
      skuCode: l.skuCode,
      title: l.title,
      quantity: l.quantity,
      unitPrice: money(order.currency, l.unitPriceMinor),
      lineTotal: money(order.currency, lineTotal(l)),
    })),
    total: money(order.currency, order.totalMinor),
    paymentId: order.paymentId ?? '',
    failureReason: order.failureReason ?? '',
    createdAt: protoTimestamp(order.createdAt),
    updatedAt: protoTimestamp(order.updatedAt),
    version: String(order.version),
    transitions: transitions.map(transitionMessage),
    workflowId: checkoutWorkflowId(order.id),
  };
}

export const historyMessage = ({ order, transitions }: OrderWithHistory): OrderMessage =>
  orderMessage(order, transitions);
