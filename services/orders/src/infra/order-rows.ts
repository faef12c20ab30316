import type { Order, OrderLine, OrderState, OrderTransition } from '../domain/order.js';

export interface OrderRow {
  tenant_id: string;
  id: string;
  user_id: string;
  state: OrderState;
  currency: string;
  total_minor: string;
  lines: OrderLine[];
  payment_method_id: string;
  payment_id: string | null;
  failure_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const ORDER_COLUMNS = `tenant_id, id, user_id, state, currency, total_minor, lines, payment_method_id,
  payment_id, failure_reason, version, created_at, updated_at`;

export function orderFromRow(row: OrderRow): Order {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    userId: row.user_id,
    state: row.state,
    currency: row.currency,
    totalMinor: Number(row.total_minor),
    lines: row.lines,
    paymentMethodId: row.payment_method_id,
    paymentId: row.payment_id ?? undefined,
    failureReason: row.failure_reason ?? undefined,
    version: row.version,
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
  };
}

export interface TransitionRow {
  version: number;
  from_state: OrderState | null;
  to_state: OrderState;
  reason: string;
  at: Date;
}

export const transitionFromRow = (row: TransitionRow): OrderTransition => ({
  from: row.from_state,
  to: row.to_state,
  reason: row.reason,
  at: row.at.getTime(),
  version: row.version,
});
