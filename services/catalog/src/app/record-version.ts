import { changedFields } from '../domain/product-diff.js';
import { snapshotOf, type Product, type ProductSnapshot, type VersionChange } from '../domain/product.js';
import type { CatalogTransaction } from './ports.js';
import type { CatalogDeps } from './ports.js';
import { PRODUCT_EVENTS_TOPIC, productChangedEvent } from './product-events.js';

export interface VersionFacts {
  /** The product as the change wrote it (productAfterChange). */
  readonly product: Product;
  readonly change: VersionChange;
  readonly changedBy: string;
  readonly changedAt: number;
  /** The previous version's snapshot (undefined for creation). */
  readonly before: ProductSnapshot | undefined;
  readonly retiredSkuIds: readonly string[];
}

/**
 * The tail of every content change, in its transaction: appends the immutable version of the product as
 * written (with the fields that differ from `before`) and enqueues `ProductChanged` on `product.events`.
 */
export async function recordVersion(
  tx: CatalogTransaction,
  deps: Pick<CatalogDeps, 'eventSource'>,
  facts: VersionFacts,
): Promise<Product> {
  const { product } = facts;
  const snapshot = snapshotOf(product);
  await tx.versions.insert(product.id, {
    version: product.version,
    change: facts.change,
    changedBy: facts.changedBy,
    changedAt: facts.changedAt,
    changedFields: facts.before === undefined ? [] : changedFields(facts.before, snapshot),
    snapshot,
  });
  await tx.enqueue({
    topic: PRODUCT_EVENTS_TOPIC,
    event: productChangedEvent(
      {
        product,
        change: facts.change,
        skus: product.skus,
        retiredSkuIds: facts.retiredSkuIds,
        changedAt: facts.changedAt,
      },
      deps.eventSource,
    ),
  });
  return product;
}

/**
 * After COMMIT: tell the read cache (raise the floor, drop older copies, new list generation) before the
 * caller gets its answer, so the caller's next read is at least this new. A failure is logged, not thrown:
 * the change is committed, and its event will tell the cache again (adr/0017).
 */
export async function afterCommit(
  deps: Pick<CatalogDeps, 'cache' | 'logger'>,
  change: { tenantId: string; productId: string; sequence: number; listsChanged: boolean },
): Promise<void> {
  try {
    await deps.cache.changed(change);
  } catch (err) {
    deps.logger.warn(
      { err, productId: change.productId },
      'read cache not told about a change; its event will',
    );
  }
}
