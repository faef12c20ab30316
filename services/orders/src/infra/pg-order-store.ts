import type { ClientBase, Pool } from 'pg';
import { enqueueEvent, withTenant } from '@shopstream/service-defaults/postgres';
import type { OrderStore, OrderTransaction, PendingOrder } from '../app/ports.js';
import type { Order, OrderTransition } from '../domain/order.js';
import {
  ORDER_COLUMNS,
  orderFromRow,
  transitionFromRow,
  type OrderRow,
  type TransitionRow,
} from './order-rows.js';

/** The orders database; every transaction runs under one tenant's row-level security (`withTenant`). */
export function createOrderStore(pool: Pool): OrderStore {
  return {
    inTenant: (tenantId, work) => withTenant(pool, tenantId, (client) => work(transaction(client))),
    async pendingOrders(createdBefore, limit) {
      const { rows } = await pool.query<{ tenant_id: string; order_id: string; created_at: Date }>(
        `SELECT tenant_id, order_id, created_at FROM pending_orders WHERE created_at < $1
         ORDER BY created_at LIMIT $2`,
        [new Date(createdBefore), limit],
      );
      return rows.map((r): PendingOrder => ({
        tenantId: r.tenant_id,
        orderId: r.order_id,
        createdAt: r.created_at.getTime(),
      }));
    },
  };
}

async function insertTransition(client: ClientBase, orderId: string, t: OrderTransition): Promise<void> {
  await client.query(
    `INSERT INTO order_transitions (order_id, version, from_state, to_state, reason, at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [orderId, t.version, t.from, t.to, t.reason, new Date(t.at)],
  );
}

function transaction(client: ClientBase): OrderTransaction {
  const one = async (sql: string, values: unknown[]): Promise<Order | undefined> => {
    const { rows } = await client.query<OrderRow>(sql, values);
    return rows[0] === undefined ? undefined : orderFromRow(rows[0]);
  };
  const forgetPending = async (orderId: string): Promise<void> => {
    await client.query(
      "DELETE FROM pending_orders WHERE tenant_id = current_setting('app.tenant_id') AND order_id = $1",
      [orderId],
    );
  };
  return {
    async insertOrder(order: Order, first: OrderTransition) {
      const result = await client.query(
        `INSERT INTO orders (id, user_id, state, currency, total_minor, lines, payment_method_id, payment_id,
           failure_reason, version, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (tenant_id, id) DO NOTHING`,
        [
          order.id,
          order.userId,
          order.state,
          order.currency,
          order.totalMinor,
          JSON.stringify(order.lines),
          order.paymentMethodId,
          order.paymentId ?? null,
          order.failureReason ?? null,
          order.version,
          new Date(order.createdAt),
          new Date(order.updatedAt),
        ],
      );
      if (result.rowCount !== 1) return false;
      await insertTransition(client, order.id, first);
      if (order.state === 'PENDING')
        await client.query(
          `INSERT INTO pending_orders (tenant_id, order_id, created_at)
           VALUES (current_setting('app.tenant_id'), $1, $2)`,
          [order.id, new Date(order.createdAt)],
        );
      return true;
    },
    findOrder: (orderId) => one(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1`, [orderId]),
    lockOrder: (orderId) => one(`SELECT ${ORDER_COLUMNS} FROM orders WHERE id = $1 FOR UPDATE`, [orderId]),
    async recordTransition(order, transition) {
      const result = await client.query(
        `UPDATE orders SET state = $2, payment_id = $3, failure_reason = $4, version = $5, updated_at = $6
         WHERE id = $1 AND version = $5 - 1`,
        [
          order.id,
          order.state,
          order.paymentId ?? null,
          order.failureReason ?? null,
          order.version,
          new Date(order.updatedAt),
        ],
      );
      if (result.rowCount !== 1) throw new Error(`order ${order.id}: stale version ${order.version - 1}`);
      await insertTransition(client, order.id, transition);
      if (transition.from === 'PENDING') await forgetPending(order.id);
    },
    forgetPending,
    async transitions(orderId) {
      const { rows } = await client.query<TransitionRow>(
        `SELECT version, from_state, to_state, reason, at FROM order_transitions WHERE order_id = $1
         ORDER BY version`,
        [orderId],
      );
      return rows.map(transitionFromRow);
    },
    async listOrders(query) {
      const { rows } = await client.query<OrderRow>(
        `SELECT ${ORDER_COLUMNS} FROM orders
         WHERE ($1::text IS NULL OR user_id = $1)
           AND (cardinality($2::text[]) = 0 OR state = ANY($2))
           AND ($3::timestamptz IS NULL OR created_at >= $3)
           AND ($4::timestamptz IS NULL OR created_at < $4)
           AND ($5::timestamptz IS NULL OR (created_at, id) < ($5, $6::uuid))
         ORDER BY created_at DESC, id DESC LIMIT $7`,
        [
          query.userId ?? null,
          query.states,
          query.createdAfter === undefined ? null : new Date(query.createdAfter),
          query.createdBefore === undefined ? null : new Date(query.createdBefore),
          query.after ? new Date(query.after.createdAt) : null,
          query.after?.id ?? null,
          query.limit,
        ],
      );
      return rows.map(orderFromRow);
    },
    async enqueue(topic, event) {
      await enqueueEvent(client, { topic, event });
    },
  };
}
