/**
 * The catalog's aggregate as the use cases see it. Plain JSON-safe data (timestamps in epoch milliseconds,
 * money in integer minor units), so a result can be stored for idempotent replays and snapshotted per version.
 */

export type ProductStatus = 'draft' | 'active' | 'archived';

export interface MediaRef {
  readonly bucket: string;
  readonly key: string;
  readonly contentType: string;
  readonly altText: string;
  readonly width: number;
  readonly height: number;
}

export interface RegionPrice {
  readonly region: string;
  /** ISO 4217, upper case. */
  readonly currency: string;
  /** Integer minor units, ≥ 0. */
  readonly amountMinor: number;
}

export interface StockLevel {
  readonly region: string;
  readonly available: number;
  readonly reserved: number;
  /** Units of confirmed orders; available + reserved + sold changes only by stock-taking. */
  readonly sold: number;
}

/** The versioned part of a SKU. */
export interface SkuContent {
  readonly id: string;
  readonly code: string;
  readonly options: Readonly<Record<string, string>>;
  /** Sorted by region. */
  readonly prices: readonly RegionPrice[];
}

export interface Sku extends SkuContent {
  /** Sorted by region. Not versioned: changes by reservations and stock-taking. */
  readonly stock: readonly StockLevel[];
}

/** What an admin edits (and what a version records). */
export interface ProductContent {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly brand: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly media: readonly MediaRef[];
  readonly status: ProductStatus;
}

export interface ProductHeader {
  readonly id: string;
  readonly tenantId: string;
  readonly ownerRegion: string;
  readonly version: number;
  readonly sequence: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly updatedBy: string;
}

/** A product with its live SKUs (retired SKUs are not part of it), their prices and stock. */
export interface Product extends ProductHeader, ProductContent {
  readonly skus: readonly Sku[];
}

/** A product as one version recorded it: content and SKU content, no stock. */
export interface ProductSnapshot extends ProductHeader, ProductContent {
  readonly skus: readonly SkuContent[];
}

export function snapshotOf(product: Product): ProductSnapshot {
  return {
    ...product,
    skus: product.skus.map(({ id, code, options, prices }) => ({ id, code, options, prices })),
  };
}

export type VersionChange = 'created' | 'updated' | 'archived';

export interface ProductVersion {
  readonly version: number;
  readonly change: VersionChange;
  readonly changedBy: string;
  readonly changedAt: number;
  readonly changedFields: readonly string[];
  readonly snapshot: ProductSnapshot;
}

/** A product as lists show it. */
export interface ProductSummary {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly brand: string;
  readonly status: ProductStatus;
  readonly ownerRegion: string;
  readonly primaryMedia: MediaRef | undefined;
  /** Lowest live-SKU price in the list's region filter; undefined without one. */
  readonly fromPrice: { readonly currency: string; readonly amountMinor: number } | undefined;
  readonly version: number;
  readonly createdAt: number;
  /** When the content last changed. */
  readonly updatedAt: number;
  /** Live SKUs. */
  readonly skuCount: number;
  /** Lowest live-SKU price in the owner region; undefined without one. */
  readonly ownerRegionPrice: { readonly currency: string; readonly amountMinor: number } | undefined;
  /**
   * Units available over the live SKUs in the owner region: only in lists read with `includeStock`, which
   * are never cached (stock changes do not move the list cache's generation).
   */
  readonly ownerRegionAvailable?: number;
}
