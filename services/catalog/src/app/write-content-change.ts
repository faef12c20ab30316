import { changedFields } from '../domain/product-diff.js';
import { nextVersion, productAfterChange } from '../domain/product-change.js';
import { snapshotOf, type Product } from '../domain/product.js';
import type { ProductDraft } from '../domain/product-input.js';
import { planSkus } from '../domain/sku-plan.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { checkSkuCodes } from './check-sku-codes.js';
import type { CatalogTransaction } from './ports.js';
import { recordVersion } from './record-version.js';

export interface ContentChange {
  /** The product after the change (unchanged when `changed` is false). */
  readonly product: Product;
  readonly changed: boolean;
}

/**
 * Writes `draft` as the next version of `before` (loaded under the row lock by `loadForChange`): SKU plan
 * and code check, product row, SKUs, prices, new SKUs' stock, the listing's price summary, the version and
 * the `ProductChanged` event. `skipIfUnchanged`: an edit that changes no field writes nothing.
 */
export async function writeContentChange(
  tx: CatalogTransaction,
  deps: Pick<CatalogDeps, 'clock' | 'newId' | 'eventSource'>,
  actor: Actor,
  before: Product,
  draft: ProductDraft,
  options: { readonly skusField?: string; readonly skipIfUnchanged?: boolean } = {},
): Promise<ContentChange> {
  const plan = planSkus(
    before.skus.map((s) => s.id),
    draft.skus,
    deps.newId,
    options.skusField,
  );
  const now = deps.clock.now();
  const next = nextVersion(before, actor.userId, now);
  const after = productAfterChange({ ...before, ...next }, draft.content, plan.skus, before.skus);
  if (options.skipIfUnchanged === true && changedFields(snapshotOf(before), snapshotOf(after)).length === 0)
    return { product: before, changed: false };
  await checkSkuCodes(tx, plan.skus);
  const renamed = plan.skus.some((s) => !s.isNew && before.skus.find((b) => b.id === s.id)?.code !== s.code);
  if (renamed) await tx.deferSkuCodeCheck();
  await tx.products.update(before.id, draft.content, next);
  await tx.skus.write(before.id, plan.skus);
  await tx.skus.retire(plan.retiredIds, now);
  await tx.stock.insertInitial(
    plan.skus.filter((s) => s.isNew).flatMap((sku) => sku.initialStock.map((s) => ({ skuId: sku.id, ...s }))),
  );
  await tx.listing.refresh(before.id);
  await recordVersion(tx, deps, {
    product: after,
    change: 'updated',
    changedBy: actor.userId,
    changedAt: now,
    before: snapshotOf(before),
    retiredSkuIds: plan.retiredIds,
  });
  return { product: after, changed: true };
}
