import type { ClientBase } from 'pg';
import type { ProductStatus, RegionPrice, StockLevel } from '../domain/product.js';
import type { SkuRepository } from '../app/ports.js';

export function skuRepository(client: ClientBase): SkuRepository {
  return {
    async liveIds(productId) {
      const { rows } = await client.query<{ id: string }>(
        'SELECT id FROM skus WHERE product_id = $1 AND retired_at IS NULL ORDER BY position',
        [productId],
      );
      return rows.map((row) => row.id);
    },
    async takenCodes(codes, exceptIds) {
      if (codes.length === 0) return [];
      const { rows } = await client.query<{ code: string }>(
        'SELECT code FROM skus WHERE code = ANY($1::text[]) AND NOT (id = ANY($2::uuid[]))',
        [codes, exceptIds],
      );
      return rows.map((row) => row.code);
    },
    async write(productId, skus) {
      if (skus.length === 0) return;
      // One statement each: upsert the SKUs, drop their prices, insert the new prices.
      await client.query(
        `INSERT INTO skus (id, product_id, code, options, position)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::jsonb[], $5::int[])
         ON CONFLICT (tenant_id, id) DO UPDATE
           SET code = excluded.code, options = excluded.options, position = excluded.position
           WHERE skus.product_id = excluded.product_id`,
        [
          skus.map((s) => s.id),
          skus.map(() => productId),
          skus.map((s) => s.code),
          skus.map((s) => JSON.stringify(s.options)),
          skus.map((s) => s.position),
        ],
      );
      const kept = skus.filter((s) => !s.isNew).map((s) => s.id);
      if (kept.length > 0)
        await client.query('DELETE FROM sku_prices WHERE sku_id = ANY($1::uuid[])', [kept]);
      const prices = skus.flatMap((s) => s.prices.map((p) => ({ skuId: s.id, ...p })));
      await client.query(
        `INSERT INTO sku_prices (sku_id, region, currency, amount_minor)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bigint[])`,
        [
          prices.map((p) => p.skuId),
          prices.map((p) => p.region),
          prices.map((p) => p.currency),
          prices.map((p) => p.amountMinor),
        ],
      );
    },
    async retire(ids, at) {
      if (ids.length === 0) return;
      await client.query(
        'UPDATE skus SET retired_at = to_timestamp($2 / 1000.0) WHERE id = ANY($1::uuid[])',
        [ids, at],
      );
    },
    async owner(skuId) {
      const { rows } = await client.query<{
        id: string;
        code: string;
        product_id: string;
        owner_region: string;
        status: ProductStatus;
        retired: boolean;
      }>(
        `SELECT s.id, s.code, s.product_id, p.owner_region, p.status, s.retired_at IS NOT NULL AS retired
         FROM skus s JOIN products p ON p.tenant_id = s.tenant_id AND p.id = s.product_id WHERE s.id = $1`,
        [skuId],
      );
      const row = rows[0];
      return row === undefined
        ? undefined
        : {
            skuId: row.id,
            code: row.code,
            productId: row.product_id,
            ownerRegion: row.owner_region,
            productStatus: row.status,
            retired: row.retired,
          };
    },
    async state(skuId) {
      const { rows } = await client.query<{ prices: RegionPrice[]; stock: StockLevel[] }>(
        `SELECT
           coalesce((SELECT json_agg(json_build_object(
             'region', region, 'currency', currency, 'amountMinor', amount_minor) ORDER BY region)
             FROM sku_prices WHERE sku_id = $1), '[]'::json) AS prices,
           coalesce((SELECT json_agg(json_build_object(
             'region', region, 'available', available, 'reserved', reserved, 'sold', sold) ORDER BY region)
             FROM stock_levels WHERE sku_id = $1), '[]'::json) AS stock`,
        [skuId],
      );
      return rows[0] ?? { prices: [], stock: [] };
    },
    async prices(skuId) {
      const { rows } = await client.query<{ region: string; currency: string; amount_minor: string }>(
        'SELECT region, currency, amount_minor FROM sku_prices WHERE sku_id = $1 ORDER BY region',
        [skuId],
      );
      return rows.map((row) => ({
        region: row.region,
        currency: row.currency,
        amountMinor: Number(row.amount_minor),
      }));
    },
  };
}
