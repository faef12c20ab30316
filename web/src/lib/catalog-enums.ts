import type { ChangeKind, ProductStatus } from '@shopstream/proto/catalog/v1/product.js';

/**
 * The catalog's proto enums as values. The generated enums are TypeScript source that the bundle does not
 * load (adr/0020), so their numbers are repeated here, typed as the enum members so that comparisons with
 * a `Product`'s fields stay type-checked. Proto enum numbers never change (buf breaking checks it).
 */
export const PRODUCT_STATUS = {
  DRAFT: 1 as ProductStatus.PRODUCT_STATUS_DRAFT,
  ACTIVE: 2 as ProductStatus.PRODUCT_STATUS_ACTIVE,
  ARCHIVED: 3 as ProductStatus.PRODUCT_STATUS_ARCHIVED,
} as const;

export const CHANGE_KIND = {
  CREATED: 1 as ChangeKind.CHANGE_KIND_CREATED,
  UPDATED: 2 as ChangeKind.CHANGE_KIND_UPDATED,
  ARCHIVED: 3 as ChangeKind.CHANGE_KIND_ARCHIVED,
  STOCK: 4 as ChangeKind.CHANGE_KIND_STOCK,
} as const;
