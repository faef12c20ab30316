import type { ClientBase, Pool } from 'pg';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  enqueueEvent,
  withTenant,
} from '@shopstream/service-defaults/postgres';
import type { Payment } from '../domain/payment.js';
import type { PaymentStore, PaymentTransaction } from '../app/ports.js';
import { PAYMENT_COLUMNS, paymentFromRow, paymentValues, type PaymentRow } from './payment-rows.js';

/** The payments database; every transaction runs under one tenant's row-level security (`withTenant`). */
export function createPaymentStore(pool: Pool): PaymentStore {
  return {
    inTenant: (tenantId, work) => withTenant(pool, tenantId, (client) => work(transaction(client, tenantId))),
    async dueOpenPayments(at, limit) {
      const { rows } = await pool.query<{ tenant_id: string; payment_id: string }>(
        `SELECT tenant_id, payment_id FROM open_payments WHERE next_check_at <= $1
         ORDER BY next_check_at LIMIT $2`,
        [new Date(at), limit],
      );
      return rows.map((r) => ({ tenantId: r.tenant_id, paymentId: r.payment_id }));
    },
  };
}

function transaction(client: ClientBase, tenantId: string): PaymentTransaction {
  const one = async (sql: string, values: unknown[]): Promise<Payment | undefined> => {
    const { rows } = await client.query<PaymentRow>(sql, values);
    return rows[0] === undefined ? undefined : paymentFromRow(rows[0]);
  };
  return {
    tenantId,
    claimKey: (key, operation, fingerprint) => claimIdempotencyKey(client, key, operation, fingerprint),
    completeKey: (key, response) => completeIdempotencyKey(client, key, response),
    async lockOrder(orderId) {
      // The payment row may not exist yet: a transaction-scoped advisory lock on (tenant, order) instead.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
        `payments:${tenantId}:${orderId}`,
      ]);
    },
    findByOrder: (orderId) => one(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE order_id = $1`, [orderId]),
    lockPayment: (paymentId) =>
      one(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1 FOR UPDATE`, [paymentId]),
    lockByIntent: (intentId) =>
      one(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE stripe_intent_id = $1 FOR UPDATE`, [intentId]),
    findPayment: (paymentId) => one(`SELECT ${PAYMENT_COLUMNS} FROM payments WHERE id = $1`, [paymentId]),
    async listPayments({ orderId, limit, after }) {
      const { rows } = await client.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM payments
         WHERE ($1::uuid IS NULL OR order_id = $1)
           AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
         ORDER BY created_at DESC, id DESC LIMIT $4`,
        [orderId ?? null, after ? new Date(after.createdAt) : null, after?.id ?? null, limit],
      );
      return rows.map(paymentFromRow);
    },
    async insertPayment(payment) {
      await client.query(
        `INSERT INTO payments (${PAYMENT_COLUMNS.replace('tenant_id, ', '')})
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        paymentValues(payment),
      );
    },
    async updatePayment(payment) {
      const result = await client.query(
        `UPDATE payments SET status = $3, refunded_minor = $6, failure_code = $8, version = $9,
           updated_at = $11
         WHERE id = $1 AND version = $9 - 1 AND order_id = $2 AND currency = $4 AND amount_minor = $5
           AND stripe_intent_id = $7 AND created_at = $10`,
        paymentValues(payment),
      );
      if (result.rowCount !== 1)
        throw new Error(`payment ${payment.id}: stale version ${payment.version - 1}`);
    },
    async recordWebhook({ eventId, eventType, paymentId, outcome }) {
      const result = await client.query(
        `INSERT INTO webhook_inbox (event_id, event_type, payment_id, outcome) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id, event_id) DO NOTHING`,
        [eventId, eventType, paymentId, outcome],
      );
      return result.rowCount === 1;
    },
    async enqueue(topic, event) {
      await enqueueEvent(client, { topic, event });
    },
    async watch(paymentId, nextCheckAt) {
      if (nextCheckAt === undefined) {
        await client.query('DELETE FROM open_payments WHERE payment_id = $1', [paymentId]);
        return;
      }
      await client.query(
        `INSERT INTO open_payments (payment_id, tenant_id, next_check_at) VALUES ($1, $2, $3)
         ON CONFLICT (payment_id) DO UPDATE SET next_check_at = excluded.next_check_at`,
        [paymentId, tenantId, new Date(nextCheckAt)],
      );
    },
  };
}
