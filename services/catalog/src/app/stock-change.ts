import type { StockLevel } from '../domain/product.js';
import type { CatalogTransaction, SkuOwner } from './ports.js';
import type { CatalogDeps } from './ports.js';
import { PRODUCT_EVENTS_TOPIC, productChangedEvent } from './product-events.js';

/**
 * The tail of every stock change, in its transaction: bumps the product's change sequence (taking the
 * product row lock after the stock row lock, the order every stock change uses) and enqueues a
 * `ProductChanged` of kind STOCK carrying the SKU's prices and stock in every region.
 */
export async function recordStockChange(
  tx: CatalogTransaction,
  deps: Pick<CatalogDeps, 'eventSource' | 'clock'>,
  sku: SkuOwner,
): Promise<{ sequence: number; stock: StockLevel[] }> {
  const product = await tx.products.bumpSequence(sku.productId);
  const { prices, stock } = await tx.skus.state(sku.skuId); // after the lock: nothing newer can be missed
  await tx.enqueue({
    topic: PRODUCT_EVENTS_TOPIC,
    event: productChangedEvent(
      {
        product,
        change: 'stock',
        skus: [{ id: sku.skuId, code: sku.code, prices, stock }],
        changedAt: deps.clock.now(),
      },
      deps.eventSource,
    ),
  });
  return { sequence: product.sequence, stock };
}
