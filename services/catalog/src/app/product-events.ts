import type { NewEvent } from '@shopstream/service-defaults';
import {
  ProductChanged,
  ProductChangeKind,
  type ProductSkuState,
} from '@shopstream/proto/events/v1/product_events.js';
import type { ProductHeader, ProductStatus, RegionPrice, StockLevel } from '../domain/product.js';

export const PRODUCT_EVENTS_TOPIC = 'product.events';
export const PRODUCT_CHANGED_TYPE = 'shopstream.events.v1.ProductChanged';

export type ProductChangeName = 'created' | 'updated' | 'archived' | 'stock';

const KIND: Record<ProductChangeName, ProductChangeKind> = {
  created: ProductChangeKind.PRODUCT_CHANGE_KIND_CREATED,
  updated: ProductChangeKind.PRODUCT_CHANGE_KIND_UPDATED,
  archived: ProductChangeKind.PRODUCT_CHANGE_KIND_ARCHIVED,
  stock: ProductChangeKind.PRODUCT_CHANGE_KIND_STOCK,
};

export interface SkuState {
  readonly id: string;
  readonly code: string;
  readonly prices: readonly RegionPrice[];
  readonly stock: readonly StockLevel[];
}

export interface ProductChangeFacts {
  readonly product: ProductHeader & {
    readonly status: ProductStatus;
    readonly title: string;
    readonly category: string;
    readonly brand: string;
  };
  readonly change: ProductChangeName;
  /** Every live SKU for content changes; the one SKU for a stock change. */
  readonly skus: readonly SkuState[];
  readonly retiredSkuIds?: readonly string[];
  readonly changedAt: number;
}

/**
 * The `ProductChanged` CloudEvent of a committed change (data = proto JSON of
 * `shopstream.events.v1.ProductChanged`; subject = product id), for `tx.enqueue` on `product.events`.
 */
export function productChangedEvent(facts: ProductChangeFacts, source: string): NewEvent<unknown> {
  const { product } = facts;
  const message: ProductChanged = {
    productId: product.id,
    tenantId: product.tenantId,
    version: String(product.version),
    sequence: String(product.sequence),
    change: KIND[facts.change],
    ownerRegion: product.ownerRegion,
    status: product.status,
    title: product.title,
    category: product.category,
    brand: product.brand,
    skus: facts.skus.map(skuState),
    changedAt: {
      seconds: String(Math.floor(facts.changedAt / 1000)),
      nanos: (facts.changedAt % 1000) * 1_000_000,
    },
    retiredSkuIds: [...(facts.retiredSkuIds ?? [])],
  };
  return {
    type: PRODUCT_CHANGED_TYPE,
    source,
    tenantId: product.tenantId,
    subject: product.id,
    data: ProductChanged.toJSON(message),
  };
}

function skuState(sku: SkuState): ProductSkuState {
  return {
    skuId: sku.id,
    code: sku.code,
    prices: sku.prices.map((p) => ({
      region: p.region,
      price: { currencyCode: p.currency, amountMinor: String(p.amountMinor) },
    })),
    stock: sku.stock.map((s) => ({
      region: s.region,
      available: String(s.available),
      reserved: String(s.reserved),
      sold: String(s.sold),
    })),
  };
}
