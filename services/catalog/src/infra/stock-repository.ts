import type { ClientBase } from 'pg';
import type { StockLevel } from '../domain/product.js';
import type { StockRepository } from '../app/ports.js';

interface StockRow {
  region: string;
  available: number;
  reserved: number;
  sold: number;
}

const level = (row: StockRow): StockLevel => ({
  region: row.region,
  available: row.available,
  reserved: row.reserved,
  sold: row.sold,
});

export function stockRepository(client: ClientBase): StockRepository {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await client.query<StockRow>(sql, params);
    return rows[0] === undefined ? undefined : level(rows[0]);
  };
  return {
    async insertInitial(entries) {
      if (entries.length === 0) return;
      await client.query(
        `INSERT INTO stock_levels (sku_id, region, available)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`,
        [entries.map((e) => e.skuId), entries.map((e) => e.region), entries.map((e) => e.quantity)],
      );
    },
    find: (skuId, region) =>
      one('SELECT region, available, reserved, sold FROM stock_levels WHERE sku_id = $1 AND region = $2', [
        skuId,
        region,
      ]),
    reserve: (skuId, region, quantity) =>
      one(
        `UPDATE stock_levels SET available = available - $3, reserved = reserved + $3
         WHERE sku_id = $1 AND region = $2 AND available >= $3
         RETURNING region, available, reserved, sold`,
        [skuId, region, quantity],
      ),
    release: (skuId, region, quantity) =>
      one(
        `UPDATE stock_levels SET available = available + $3, reserved = reserved - $3
         WHERE sku_id = $1 AND region = $2
         RETURNING region, available, reserved, sold`,
        [skuId, region, quantity],
      ),
    sell: (skuId, region, quantity) =>
      one(
        `UPDATE stock_levels SET reserved = reserved - $3, sold = sold + $3
         WHERE sku_id = $1 AND region = $2 AND reserved >= $3
         RETURNING region, available, reserved, sold`,
        [skuId, region, quantity],
      ),
    async set(skuId, region, available) {
      const result = await one(
        `INSERT INTO stock_levels (sku_id, region, available) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id, sku_id, region) DO UPDATE SET available = excluded.available
         RETURNING region, available, reserved, sold`,
        [skuId, region, available],
      );
      if (result === undefined) throw new Error('stock upsert returned no row');
      return result;
    },
  };
}
