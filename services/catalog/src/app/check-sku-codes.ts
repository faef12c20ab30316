import { duplicateSkuCode } from '../domain/catalog-errors.js';
import type { PlannedSku } from '../domain/sku-plan.js';
import type { CatalogTransaction } from './ports.js';

/**
 * Refuses SKU codes used by any other SKU of the tenant (retired ones included) with
 * `Catalog.DuplicateSkuCode` naming each offending `product.skus.<i>.code`. The unique constraint remains the
 * arbiter under concurrency (infra/catalog-store.ts turns its violation into `concurrentSkuCode()`).
 */
export async function checkSkuCodes(tx: CatalogTransaction, skus: readonly PlannedSku[]): Promise<void> {
  const taken = new Set(
    await tx.skus.takenCodes(
      skus.map((s) => s.code),
      skus.filter((s) => !s.isNew).map((s) => s.id),
    ),
  );
  const fields = skus.flatMap((sku, i) =>
    taken.has(sku.code)
      ? [{ field: `product.skus.${i}.code`, detail: 'already used by another SKU of the tenant' }]
      : [],
  );
  if (fields.length > 0) throw duplicateSkuCode(fields);
}
