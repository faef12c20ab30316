import type { ClientBase } from 'pg';
import type { Cursor, ListQuery } from '../domain/list-query.js';
import type { MediaRef, ProductStatus } from '../domain/product.js';
import { epochMs } from './product-rows.js';
import type { ListingRepository } from '../app/ports.js';

interface SummaryRow {
  id: string;
  title: string;
  title_key: string;
  category: string;
  brand: string;
  status: ProductStatus;
  owner_region: string;
  primary_media: MediaRef | null;
  version: number;
  created_at: number;
  updated_at: number;
  sku_count: number;
  currency: string | null;
  from_price: number | null;
  owner_currency: string | null;
  owner_price: number | null;
  owner_available: number | null;
}

const ORDER: Record<ListQuery['sort'], string> = {
  newest: 'p.created_at DESC, p.id DESC',
  title: 'lower(p.title), p.id',
  price_asc: 'rp.min_amount_minor, p.id',
  price_desc: 'rp.min_amount_minor DESC, p.id DESC',
};

/** Builds the page query; every value is a bind parameter, only fixed SQL fragments are concatenated. */
function pageQuery(query: ListQuery): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const { filter, after } = query;
  const where = [`p.status = ANY(${param(filter.statuses)}::text[])`];
  const join =
    filter.region === undefined
      ? ''
      : `JOIN product_region_prices rp ON rp.tenant_id = p.tenant_id AND rp.product_id = p.id AND rp.region = ${param(filter.region)}`;
  if (filter.category !== undefined) {
    const category = param(filter.category);
    where.push(`(p.category = ${category} OR p.category LIKE ${category} || '/%')`);
  }
  if (filter.minPriceMinor !== undefined) where.push(`rp.min_amount_minor >= ${param(filter.minPriceMinor)}`);
  if (filter.maxPriceMinor !== undefined) where.push(`rp.min_amount_minor <= ${param(filter.maxPriceMinor)}`);
  if (after !== undefined) {
    const id = param(after.id);
    if (after.sort === 'newest')
      where.push(`(p.created_at, p.id) < (to_timestamp(${param(after.createdAt)} / 1000.0), ${id}::uuid)`);
    else if (after.sort === 'title')
      where.push(`(lower(p.title), p.id) > (${param(after.title)}, ${id}::uuid)`);
    else if (after.sort === 'price_asc')
      where.push(`(rp.min_amount_minor, p.id) > (${param(after.price)}, ${id}::uuid)`);
    else where.push(`(rp.min_amount_minor, p.id) < (${param(after.price)}, ${id}::uuid)`);
  }
  const priceColumns =
    filter.region === undefined
      ? 'NULL::text AS currency, NULL::float8 AS from_price'
      : 'rp.currency, rp.min_amount_minor::float8 AS from_price';
  // Stock only when asked for: a page with stock is never cached (stock does not move the list cache).
  const stockColumn = query.includeStock
    ? `(SELECT coalesce(sum(st.available), 0)::float8 FROM skus s
         JOIN stock_levels st ON st.tenant_id = s.tenant_id AND st.sku_id = s.id
         WHERE s.product_id = p.id AND s.retired_at IS NULL AND st.region = p.owner_region) AS owner_available`
    : 'NULL::float8 AS owner_available';
  const text = `SELECT p.id, p.title, lower(p.title) AS title_key, p.category, p.brand, p.status, p.owner_region,
      p.media -> 0 AS primary_media, p.version, ${epochMs('p.created_at')} AS created_at,
      ${epochMs('p.updated_at')} AS updated_at,
      (SELECT count(*)::int FROM skus s WHERE s.product_id = p.id AND s.retired_at IS NULL) AS sku_count,
      op.currency AS owner_currency, op.min_amount_minor::float8 AS owner_price, ${stockColumn}, ${priceColumns}
    FROM products p ${join}
    LEFT JOIN product_region_prices op
      ON op.tenant_id = p.tenant_id AND op.product_id = p.id AND op.region = p.owner_region
    WHERE ${where.join(' AND ')}
    ORDER BY ${ORDER[query.sort]}
    LIMIT ${param(query.pageSize + 1)}`;
  return { text, values };
}

function cursorOf(row: SummaryRow, sort: ListQuery['sort']): Cursor {
  if (sort === 'newest') return { sort, createdAt: row.created_at, id: row.id };
  if (sort === 'title') return { sort, title: row.title_key, id: row.id };
  return { sort, price: row.from_price ?? 0, id: row.id };
}

export function listingRepository(client: ClientBase): ListingRepository {
  return {
    async refresh(productId, options = {}) {
      if (options.created !== true)
        await client.query('DELETE FROM product_region_prices WHERE product_id = $1', [productId]);
      await client.query(
        `INSERT INTO product_region_prices (product_id, region, currency, min_amount_minor)
         SELECT s.product_id, pr.region, min(pr.currency), min(pr.amount_minor)
         FROM skus s JOIN sku_prices pr ON pr.tenant_id = s.tenant_id AND pr.sku_id = s.id
         WHERE s.product_id = $1 AND s.retired_at IS NULL
         GROUP BY s.product_id, pr.region`,
        [productId],
      );
    },
    async list(query) {
      const { text, values } = pageQuery(query);
      const { rows } = await client.query<SummaryRow>(text, values);
      const page = rows.slice(0, query.pageSize);
      const last = page[page.length - 1];
      return {
        items: page.map((row) => ({
          id: row.id,
          title: row.title,
          category: row.category,
          brand: row.brand,
          status: row.status,
          ownerRegion: row.owner_region,
          primaryMedia: row.primary_media ?? undefined,
          fromPrice:
            row.currency === null || row.from_price === null
              ? undefined
              : { currency: row.currency, amountMinor: row.from_price },
          version: row.version,
          createdAt: row.created_at,
          updatedAt: row.updated_at,
          skuCount: row.sku_count,
          ownerRegionPrice:
            row.owner_currency === null || row.owner_price === null
              ? undefined
              : { currency: row.owner_currency, amountMinor: row.owner_price },
          ...(row.owner_available === null ? {} : { ownerRegionAvailable: row.owner_available }),
        })),
        next: rows.length > query.pageSize && last !== undefined ? cursorOf(last, query.sort) : undefined,
      };
    },
  };
}
