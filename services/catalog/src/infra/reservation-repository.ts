import type { ClientBase } from 'pg';
import type { Reservation, ReservationRepository } from '../app/ports.js';

interface ReservationRow {
  key: string;
  sku_id: string;
  region: string;
  quantity: number;
  state: 'reserved' | 'released' | 'sold';
  request_hash: string;
}

const fromRow = (row: ReservationRow): Reservation => ({
  key: row.key,
  skuId: row.sku_id,
  region: row.region,
  quantity: row.quantity,
  state: row.state,
  requestHash: row.request_hash,
});

const COLUMNS = 'key, sku_id, region, quantity, state, request_hash';

export function reservationRepository(client: ClientBase): ReservationRepository {
  const lock = async (key: string) => {
    const { rows } = await client.query<ReservationRow>(
      `SELECT ${COLUMNS} FROM stock_reservations WHERE key = $1 FOR UPDATE`,
      [key],
    );
    return rows[0] === undefined ? undefined : fromRow(rows[0]);
  };
  return {
    async claim(r) {
      const inserted = await client.query<ReservationRow>(
        `INSERT INTO stock_reservations (key, sku_id, region, quantity, state, request_hash)
         VALUES ($1, $2, $3, $4, 'reserved', $5) ON CONFLICT (tenant_id, key) DO NOTHING RETURNING ${COLUMNS}`,
        [r.key, r.skuId, r.region, r.quantity, r.requestHash],
      );
      if (inserted.rows[0] !== undefined) return { created: true, reservation: fromRow(inserted.rows[0]) };
      const existing = await lock(r.key);
      if (existing === undefined) throw new Error('reservation vanished after a key conflict');
      return { created: false, reservation: existing };
    },
    lock,
    async release(key, at) {
      await client.query(
        "UPDATE stock_reservations SET state = 'released', released_at = to_timestamp($2 / 1000.0) WHERE key = $1",
        [key, at],
      );
    },
    async sell(key, at) {
      await client.query(
        "UPDATE stock_reservations SET state = 'sold', sold_at = to_timestamp($2 / 1000.0) WHERE key = $1",
        [key, at],
      );
    },
    async tombstone(r, at) {
      const result = await client.query(
        `INSERT INTO stock_reservations (key, sku_id, region, quantity, state, request_hash, released_at)
         VALUES ($1, $2, $3, 0, 'released', $4, to_timestamp($5 / 1000.0)) ON CONFLICT (tenant_id, key) DO NOTHING`,
        [r.key, r.skuId, r.region, r.requestHash, at],
      );
      return result.rowCount === 1;
    },
  };
}
