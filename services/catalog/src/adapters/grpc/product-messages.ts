import type { Timestamp } from '@shopstream/proto/google/protobuf/timestamp.js';
import {
  ChangeKind,
  ProductStatus,
  type Product as ProductMessage,
  type ProductSummary as ProductSummaryMessage,
  type ProductVersion as ProductVersionMessage,
  type StockLevel as StockLevelMessage,
} from '@shopstream/proto/catalog/v1/product.js';
import type {
  Product,
  ProductSnapshot,
  ProductStatus as Status,
  ProductSummary,
  ProductVersion,
  StockLevel,
} from '../../domain/product.js';

const STATUS: Record<Status, ProductStatus> = {
  draft: ProductStatus.PRODUCT_STATUS_DRAFT,
  active: ProductStatus.PRODUCT_STATUS_ACTIVE,
  archived: ProductStatus.PRODUCT_STATUS_ARCHIVED,
};

const CHANGE: Record<ProductVersion['change'], ChangeKind> = {
  created: ChangeKind.CHANGE_KIND_CREATED,
  updated: ChangeKind.CHANGE_KIND_UPDATED,
  archived: ChangeKind.CHANGE_KIND_ARCHIVED,
};

/** Proto enum → the names the domain parses ('unspecified', 'draft', …); unknown numbers → 'unknown'. */
export function statusName(status: ProductStatus): string {
  const names: Record<number, string> = { 0: 'unspecified', 1: 'draft', 2: 'active', 3: 'archived' };
  return names[status] ?? 'unknown';
}

export function timestamp(ms: number): Timestamp {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

export function stockMessage(level: StockLevel): StockLevelMessage {
  return {
    region: level.region,
    available: String(level.available),
    reserved: String(level.reserved),
    sold: String(level.sold),
  };
}

export function productMessage(product: Product | ProductSnapshot): ProductMessage {
  return {
    productId: product.id,
    tenantId: product.tenantId,
    ownerRegion: product.ownerRegion,
    status: STATUS[product.status],
    title: product.title,
    description: product.description,
    category: product.category,
    brand: product.brand,
    attributes: { ...product.attributes },
    media: product.media.map((m) => ({ ...m })),
    skus: product.skus.map((sku) => ({
      skuId: sku.id,
      code: sku.code,
      options: { ...sku.options },
      prices: sku.prices.map((p) => ({
        region: p.region,
        price: { currencyCode: p.currency, amountMinor: String(p.amountMinor) },
      })),
      stock: 'stock' in sku ? sku.stock.map(stockMessage) : [],
    })),
    version: String(product.version),
    sequence: String(product.sequence),
    createdAt: timestamp(product.createdAt),
    updatedAt: timestamp(product.updatedAt),
    updatedBy: product.updatedBy,
  };
}

export function summaryMessage(summary: ProductSummary): ProductSummaryMessage {
  return {
    productId: summary.id,
    title: summary.title,
    category: summary.category,
    brand: summary.brand,
    status: STATUS[summary.status],
    ownerRegion: summary.ownerRegion,
    primaryMedia: summary.primaryMedia === undefined ? undefined : { ...summary.primaryMedia },
    fromPrice:
      summary.fromPrice === undefined
        ? undefined
        : { currencyCode: summary.fromPrice.currency, amountMinor: String(summary.fromPrice.amountMinor) },
    version: String(summary.version),
    createdAt: timestamp(summary.createdAt),
    updatedAt: timestamp(summary.updatedAt),
    skuCount: summary.skuCount,
    ownerRegionPrice:
      summary.ownerRegionPrice === undefined
        ? undefined
        : {
            currencyCode: summary.ownerRegionPrice.currency,
            amountMinor: String(summary.ownerRegionPrice.amountMinor),
          },
    ownerRegionAvailable:
      summary.ownerRegionAvailable === undefined ? undefined : String(summary.ownerRegionAvailable),
  };
}

export function versionMessage(version: ProductVersion): ProductVersionMessage {
  return {
    version: String(version.version),
    change: CHANGE[version.change],
    changedBy: version.changedBy,
    changedAt: timestamp(version.changedAt),
    changedFields: [...version.changedFields],
    snapshot: productMessage(version.snapshot),
  };
}
