import type { ClientBase } from 'pg';
import type { ProductStatus } from '../domain/product.js';
import { epochMs, PRODUCT_SELECT, productFromRow, type ProductRow } from './product-rows.js';
import type { ProductRepository } from '../app/ports.js';

export function productRepository(client: ClientBase): ProductRepository {
  return {
    async load(id) {
      const { rows } = await client.query<ProductRow>(`${PRODUCT_SELECT} WHERE p.id = $1`, [id]);
      return rows[0] === undefined ? undefined : productFromRow(rows[0]);
    },
    async lock(id) {
      const { rows } = await client.query<{
        id: string;
        owner_region: string;
        status: ProductStatus;
        version: number;
        sequence: string;
      }>('SELECT id, owner_region, status, version, sequence FROM products WHERE id = $1 FOR UPDATE', [id]);
      const row = rows[0];
      return row === undefined
        ? undefined
        : {
            id: row.id,
            ownerRegion: row.owner_region,
            status: row.status,
            version: row.version,
            sequence: Number(row.sequence),
          };
    },
    async insert(header, content) {
      await client.query(
        `INSERT INTO products (id, owner_region, status, title, description, category, brand, attributes, media,
           version, sequence, created_at, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, to_timestamp($12 / 1000.0), to_timestamp($13 / 1000.0), $14)`,
        [
          header.id,
          header.ownerRegion,
          content.status,
          content.title,
          content.description,
          content.category,
          content.brand,
          JSON.stringify(content.attributes),
          JSON.stringify(content.media),
          header.version,
          header.sequence,
          header.createdAt,
          header.updatedAt,
          header.updatedBy,
        ],
      );
    },
    async update(id, content, next) {
      await client.query(
        `UPDATE products SET status = $2, title = $3, description = $4, category = $5, brand = $6,
           attributes = $7, media = $8, version = $9, sequence = $10, updated_at = to_timestamp($11 / 1000.0),
           updated_by = $12
         WHERE id = $1`,
        [
          id,
          content.status,
          content.title,
          content.description,
          content.category,
          content.brand,
          JSON.stringify(content.attributes),
          JSON.stringify(content.media),
          next.version,
          next.sequence,
          next.updatedAt,
          next.updatedBy,
        ],
      );
    },
    async bumpSequence(id) {
      const { rows } = await client.query<{
        id: string;
        tenant_id: string;
        owner_region: string;
        status: ProductStatus;
        title: string;
        category: string;
        brand: string;
        version: number;
        sequence: number;
        created_at: number;
        updated_at: number;
        updated_by: string;
      }>(
        `UPDATE products SET sequence = sequence + 1 WHERE id = $1
         RETURNING id, tenant_id, owner_region, status, title, category, brand, version, sequence::float8 AS sequence,
           ${epochMs('created_at')} AS created_at, ${epochMs('updated_at')} AS updated_at, updated_by`,
        [id],
      );
      const row = rows[0];
      if (row === undefined) throw new Error('bumpSequence: the product row is gone');
      return {
        id: row.id,
        tenantId: row.tenant_id,
        ownerRegion: row.owner_region,
        status: row.status,
        title: row.title,
        category: row.category,
        brand: row.brand,
        version: row.version,
        sequence: row.sequence,
        createdAt: row.created_at,
        updatedAt: row.updated_at,
        updatedBy: row.updated_by,
      };
    },
  };
}
