import type { Product, ProductContent, ProductHeader, Sku, StockLevel } from './product.js';
import type { PlannedSku } from './sku-plan.js';

/**
 * The product as a change writes it, computed from what the use case already holds (the product loaded
 * once under its row lock, or nothing for a creation) instead of reading it back: new SKUs start with their
 * initial stock, kept SKUs keep theirs (stock changes wait for the same row lock).
 */
export function productAfterChange(
  header: ProductHeader,
  content: ProductContent,
  skus: readonly PlannedSku[],
  before: readonly Sku[] = [],
): Product {
  const stockOf = new Map(before.map((sku) => [sku.id, sku.stock]));
  return {
    ...header,
    ...content,
    skus: skus.map((sku) => ({
      id: sku.id,
      code: sku.code,
      options: sku.options,
      prices: sku.prices,
      stock: sku.isNew ? initialStock(sku) : (stockOf.get(sku.id) ?? []),
    })),
  };
}

/** The header fields every content change moves on: version and sequence +1, who and when. */
export function nextVersion(
  before: Pick<ProductHeader, 'version' | 'sequence'>,
  by: string,
  at: number,
): Pick<ProductHeader, 'version' | 'sequence' | 'updatedAt' | 'updatedBy'> {
  return { version: before.version + 1, sequence: before.sequence + 1, updatedAt: at, updatedBy: by };
}

function initialStock(sku: PlannedSku): StockLevel[] {
  return sku.initialStock
    .map((s) => ({ region: s.region, available: s.quantity, reserved: 0, sold: 0 }))
    .sort((a, b) => a.region.localeCompare(b.region));
}
