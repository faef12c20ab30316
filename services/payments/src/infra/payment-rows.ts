import type { Payment, PaymentStatus } from '../domain/payment.js';

export interface PaymentRow {
  tenant_id: string;
  id: string;
  order_id: string;
  status: PaymentStatus;
  currency: string;
  amount_minor: string;
  refunded_minor: string;
  stripe_intent_id: string;
  failure_code: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const PAYMENT_COLUMNS = `tenant_id, id, order_id, status, currency, amount_minor, refunded_minor,
  stripe_intent_id, failure_code, version, created_at, updated_at`;

export function paymentFromRow(row: PaymentRow): Payment {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    orderId: row.order_id,
    status: row.status,
    currency: row.currency,
    amountMinor: Number(row.amount_minor),
    refundedMinor: Number(row.refunded_minor),
    stripeIntentId: row.stripe_intent_id,
    failureCode: row.failure_code ?? undefined,
    version: row.version,
    createdAt: row.created_at.getTime(),
    updatedAt: row.updated_at.getTime(),
  };
}

/** The values of a payment in PAYMENT_COLUMNS order (tenant_id comes from the transaction). */
export const paymentValues = (p: Payment) => [
  p.id,
  p.orderId,
  p.status,
  p.currency,
  p.amountMinor,
  p.refundedMinor,
  p.stripeIntentId,
  p.failureCode ?? null,
  p.version,
  new Date(p.createdAt),
  new Date(p.updatedAt),
];
