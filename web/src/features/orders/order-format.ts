import { ORDER_STATE, type OrderStateName } from '../../lib/order-enums';

/**
 * How an order's states read to a shopper (shared by the server pages and the live order view, so
 * plain data only). Reasons are orders' codes (OrderTransition.reason).
 */

const NAMES = Object.fromEntries(Object.entries(ORDER_STATE).map(([name, n]) => [n, name])) as Record<
  number,
  OrderStateName
>;

export const stateName = (state: number): OrderStateName => NAMES[state] ?? 'UNSPECIFIED';

const LABELS: Record<OrderStateName, string> = {
  UNSPECIFIED: '—',
  PENDING: 'Received',
  STOCK_RESERVED: 'Items reserved',
  PAYMENT_AUTHORIZED: 'Payment authorized',
  PAID: 'Paid',
  CONFIRMED: 'Confirmed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
  COMPENSATED: 'Not completed, items released',
  REFUNDED: 'Refunded',
};

export const stateLabel = (state: number): string => LABELS[stateName(state)];

const DECLINES: Record<string, string> = {
  card_declined: 'Payment declined — your items were released.',
  insufficient_funds: 'Payment declined (insufficient funds) — your items were released.',
  payment_timeout: 'The payment did not complete in time — your items were released.',
};

/** The sentence that says where an order stands (the order page's live status). */
export function outcomeText(state: number, reason: string): string {
  switch (stateName(state)) {
    case 'CONFIRMED':
      return 'Thank you! Your order is confirmed.';
    case 'COMPENSATED':
      return DECLINES[reason] ?? 'The order could not be completed — your items were released.';
    case 'FAILED':
      return reason === 'insufficient_stock'
        ? 'Some items are no longer in stock — nothing was charged.'
        : 'The order could not be completed — nothing was charged.';
    case 'CANCELLED':
      return 'The order was cancelled — your items were released.';
    case 'REFUNDED':
      return 'This order was refunded in full.';
    default:
      return 'We are processing your order…';
  }
}

export interface TimestampLike {
  readonly seconds: string;
  readonly nanos: number;
}

export const isoOf = (ts: TimestampLike | undefined): string =>
  ts ? new Date(Number(ts.seconds) * 1000 + Math.floor(ts.nanos / 1e6)).toISOString() : '';

/** "6 Dec 2026, 22:41:07 UTC": to the second, so a timeline's steps are told apart. */
export function formatOrderTime(iso: string): string {
  if (iso === '') return '—';
  return `${new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC`;
}

/** A transition as the pages and the live stream pass it around (JSON-safe). */
export interface TransitionView {
  readonly fromState: number;
  readonly toState: number;
  readonly reason: string;
  /** ISO 8601. */
  readonly at: string;
  readonly version: number;
}

export function transitionView(t: {
  fromState: number;
  toState: number;
  reason: string;
  at?: TimestampLike | undefined;
  version: string;
}): TransitionView {
  return {
    fromState: t.fromState,
    toState: t.toState,
    reason: t.reason,
    at: isoOf(t.at),
    version: Number(t.version),
  };
}
