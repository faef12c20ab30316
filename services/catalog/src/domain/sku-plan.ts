import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import type { SkuDraft } from './product-input.js';

export interface PlannedSku extends Omit<SkuDraft, 'id'> {
  readonly id: string;
  /** New SKUs get their initial stock; existing SKUs keep theirs. */
  readonly isNew: boolean;
  /** Position in the product's SKU list. */
  readonly position: number;
}

export interface SkuPlan {
  readonly skus: readonly PlannedSku[];
  /** Live SKUs the edit leaves out: retired (kept for orders and history, no longer sold). */
  readonly retiredIds: readonly string[];
}

/**
 * Matches the SKUs of an edit against the product's live SKUs: an entry with an id must name one of them
 * (else `Catalog.InvalidProduct` on `<field>.<i>.skuId`), an entry without one is new (`newId()`), and live SKUs
 * not mentioned are retired.
 */
export function planSkus(
  liveIds: readonly string[],
  drafts: readonly SkuDraft[],
  newId: () => string,
  /** The request field holding `drafts` (`product.skus`, or `patch.skus` for EditProduct). */
  field = 'product.skus',
): SkuPlan {
  const live = new Set(liveIds);
  const fields = drafts.flatMap((draft, i) =>
    draft.id !== undefined && !live.has(draft.id)
      ? [
          {
            field: `${field}.${i}.skuId`,
            detail: 'not a live SKU of this product (leave empty for a new SKU)',
          },
        ]
      : [],
  );
  if (fields.length > 0)
    throw new DomainError(ErrorKind.Validation, 'Catalog.InvalidProduct', 'The request is invalid.', {
      fields,
    });
  const skus = drafts.map((draft, position) => ({
    ...draft,
    id: draft.id ?? newId(),
    isNew: draft.id === undefined,
    position,
  }));
  const kept = new Set(skus.map((sku) => sku.id));
  return { skus, retiredIds: liveIds.filter((id) => !kept.has(id)) };
}
