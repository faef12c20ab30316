import type { ClientBase } from 'pg';
import type { ProductSnapshot, VersionChange } from '../domain/product.js';
import { epochMs } from './product-rows.js';
import type { VersionRepository } from '../app/ports.js';

interface VersionRow {
  version: number;
  change: VersionChange;
  changed_by: string;
  changed_at: number;
  changed_fields: string[];
  snapshot: ProductSnapshot;
}

export function versionRepository(client: ClientBase): VersionRepository {
  return {
    async insert(productId, v) {
      await client.query(
        `INSERT INTO product_versions (product_id, version, change, changed_fields, changed_by, changed_at, snapshot)
         VALUES ($1, $2, $3, $4, $5, to_timestamp($6 / 1000.0), $7)`,
        [
          productId,
          v.version,
          v.change,
          v.changedFields,
          v.changedBy,
          v.changedAt,
          JSON.stringify(v.snapshot),
        ],
      );
    },
    async after(productId, version) {
      const { rows } = await client.query<{
        version: number;
        changed_fields: string[];
        skus: { id: string; code: string }[];
      }>(
        `SELECT version, changed_fields,
           coalesce((SELECT jsonb_agg(jsonb_build_object('id', s ->> 'id', 'code', s ->> 'code'))
             FROM jsonb_array_elements(snapshot -> 'skus') s), '[]'::jsonb) AS skus
         FROM product_versions WHERE product_id = $1 AND version > $2 ORDER BY version`,
        [productId, version],
      );
      return rows.map((row) => ({
        version: row.version,
        changedFields: row.changed_fields,
        snapshot: { skus: row.skus },
      }));
    },
    async list(productId, beforeVersion, limit) {
      const { rows } = await client.query<VersionRow>(
        `SELECT version, change, changed_by, ${epochMs('changed_at')} AS changed_at, changed_fields, snapshot
         FROM product_versions WHERE product_id = $1 AND version < $2
         ORDER BY version DESC LIMIT $3`,
        [productId, beforeVersion ?? 2_147_483_647, limit],
      );
      return rows.map((row) => ({
        version: row.version,
        change: row.change,
        changedBy: row.changed_by,
        changedAt: row.changed_at,
        changedFields: row.changed_fields,
        snapshot: row.snapshot,
      }));
    },
  };
}
