import type { MediaRef, Product, ProductStatus, Sku } from '../domain/product.js';

/** The row `PRODUCT_SELECT` returns; json columns arrive parsed, float8 columns as numbers. */
export interface ProductRow {
  id: string;
  tenant_id: string;
  owner_region: string;
  status: ProductStatus;
  title: string;
  description: string;
  category: string;
  brand: string;
  attributes: Record<string, string>;
  media: MediaRef[];
  version: number;
  sequence: number;
  created_at: number;
  updated_at: number;
  updated_by: string;
  skus: Sku[];
}

/** Epoch milliseconds of a timestamptz column, as a JS number (exact: timestamps are written in ms). */
export const epochMs = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

/**
 * One round trip for the whole aggregate: the product row plus its live SKUs (in position order) with their
 * prices and stock (by region) as JSON. Row-level security applies to every sub-select.
 */
export const PRODUCT_SELECT = `SELECT p.id, p.tenant_id, p.owner_region, p.status, p.title, p.description,
  p.category, p.brand, p.attributes, p.media, p.version, p.sequence::float8 AS sequence,
  ${epochMs('p.created_at')} AS created_at, ${epochMs('p.updated_at')} AS updated_at, p.updated_by,
  coalesce((
    SELECT json_agg(json_build_object(
      'id', s.id, 'code', s.code, 'options', s.options,
      'prices', coalesce((
        SELECT json_agg(json_build_object(
          'region', pr.region, 'currency', pr.currency, 'amountMinor', pr.amount_minor) ORDER BY pr.region)
        FROM sku_prices pr WHERE pr.sku_id = s.id), '[]'::json),
      'stock', coalesce((
        SELECT json_agg(json_build_object(
          'region', st.region, 'available', st.available, 'reserved', st.reserved,
          'sold', st.sold) ORDER BY st.region)
        FROM stock_levels st WHERE st.sku_id = s.id), '[]'::json)
    ) ORDER BY s.position)
    FROM skus s WHERE s.product_id = p.id AND s.retired_at IS NULL
  ), '[]'::json) AS skus
FROM products p`;

export function productFromRow(row: ProductRow): Product {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    ownerRegion: row.owner_region,
    status: row.status,
    title: row.title,
    description: row.description,
    category: row.category,
    brand: row.brand,
    attributes: row.attributes,
    media: row.media,
    version: row.version,
    sequence: row.sequence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    skus: row.skus,
  };
}
