/** Where an order stands (proto `OrderState` without its prefix). */
export const ORDER_STATES = [
  'PENDING',
  'STOCK_RESERVED',
  'PAYMENT_AUTHORIZED',
  'PAID',
  'CONFIRMED',
  'FAILED',
  'CANCELLED',
  'COMPENSATED',
  'REFUNDED',
] as const;
export type OrderState = (typeof ORDER_STATES)[number];

/**
 * The order state machine: every allowed move. Forward along the happy path; a failure before anything was
 * held ends FAILED, after it COMPENSATED (what was held is given back); a shopper's cancel before capture
 * ends CANCELLED; a refund of a CONFIRMED order ends REFUNDED.
 */
const MOVES: Readonly<Record<OrderState, readonly OrderState[]>> = {
  PENDING: ['STOCK_RESERVED', 'FAILED', 'CANCELLED', 'COMPENSATED'],
  STOCK_RESERVED: ['PAYMENT_AUTHORIZED', 'COMPENSATED', 'CANCELLED'],
  PAYMENT_AUTHORIZED: ['PAID', 'COMPENSATED', 'CANCELLED'],
  PAID: ['CONFIRMED', 'COMPENSATED'],
  CONFIRMED: ['REFUNDED'],
  FAILED: [],
  CANCELLED: [],
  COMPENSATED: [],
  REFUNDED: [],
};

export const canMove = (from: OrderState, to: OrderState): boolean => MOVES[from].includes(to);

export const isFinal = (state: OrderState): boolean => MOVES[state].length === 0 || state === 'CONFIRMED';

/** States before capture, in which a shopper's cancel still compensates. */
export const isCancellable = (state: OrderState): boolean =>
  state === 'PENDING' || state === 'STOCK_RESERVED' || state === 'PAYMENT_AUTHORIZED';

export interface Money {
  readonly currency: string;
  readonly amountMinor: number;
}

/** A line as the order keeps it: priced by the catalog when the order was made. */
export interface OrderLine {
  readonly productId: string;
  readonly skuId: string;
  readonly region: string;
  readonly skuCode: string;
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceMinor: number;
}

export interface OrderTransition {
  readonly from: OrderState | null;
  readonly to: OrderState;
  readonly reason: string;
  readonly at: number;
  readonly version: number;
}

export interface Order {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly state: OrderState;
  readonly currency: string;
  readonly lines: readonly OrderLine[];
  readonly totalMinor: number;
  readonly paymentMethodId: string;
  readonly paymentId: string | undefined;
  readonly failureReason: string | undefined;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly version: number;
}

export const lineTotal = (line: OrderLine): number => line.unitPriceMinor * line.quantity;

export const orderTotal = (lines: readonly OrderLine[]): number =>
  lines.reduce((sum, line) => sum + lineTotal(line), 0);

/** The workflow that runs an order's checkout (business id as workflow id). */
export const checkoutWorkflowId = (orderId: string): string => `checkout:${orderId}`;

/** A new order (PENDING, version 1) and its first transition. */
export function newOrder(fields: {
  readonly tenantId: string;
  readonly id: string;
  readonly userId: string;
  readonly currency: string;
  readonly lines: readonly OrderLine[];
  readonly paymentMethodId: string;
  readonly at: number;
}): { order: Order; transition: OrderTransition } {
  const { at, ...rest } = fields;
  const order: Order = {
    ...rest,
    state: 'PENDING',
    totalMinor: orderTotal(fields.lines),
    paymentId: undefined,
    failureReason: undefined,
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  return { order, transition: { from: null, to: 'PENDING', reason: '', at, version: 1 } };
}

export type MoveOutcome =
  | { readonly kind: 'moved'; readonly order: Order; readonly transition: OrderTransition }
  /** The order is already there (a repeated step): nothing to record. */
  | { readonly kind: 'already' }
  | { readonly kind: 'refused'; readonly from: OrderState };

/** The order after a move to `to`, if the state machine allows it. */
export function move(
  order: Order,
  to: OrderState,
  at: number,
  facts: { readonly reason?: string; readonly paymentId?: string | undefined } = {},
): MoveOutcome {
  if (order.state === to) return { kind: 'already' };
  if (!canMove(order.state, to)) return { kind: 'refused', from: order.state };
  const reason = facts.reason ?? '';
  const version = order.version + 1;
  const failed = to === 'FAILED' || to === 'COMPENSATED' || to === 'CANCELLED';
  return {
    kind: 'moved',
    order: {
      ...order,
      state: to,
      paymentId: facts.paymentId ?? order.paymentId,
      failureReason: failed ? reason || undefined : order.failureReason,
      updatedAt: at,
      version,
    },
    transition: { from: order.state, to, reason, at, version },
  };
}
