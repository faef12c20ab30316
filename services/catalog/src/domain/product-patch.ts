import { z } from 'zod';
import { parseInput } from '@shopstream/service-defaults';
import type { MediaRef, ProductContent, RegionPrice } from './product.js';
import { PRODUCT_LIMITS } from './product-rules.js';
import {
  checkOnePricePerRegion,
  checkSkuList,
  priceSchema,
  productFieldSchemas,
  regionPricesOf,
  skuDraftsOf,
  sortedRecord,
  type SkuDraft,
} from './product-input.js';

/**
 * EditProduct's input: a ProductPatch and the update mask naming the fields it changes (proto field names).
 * Only the named fields are validated and used; field errors name the request's fields (`patch.title`,
 * `patch.skuPrices.0.prices.1.price.amountMinor`, `updateMask`).
 */

export const PATCH_PATHS = [
  'title',
  'description',
  'category',
  'brand',
  'attributes',
  'media',
  'status',
  'sku_prices',
  'skus',
] as const;
export type PatchPath = (typeof PATCH_PATHS)[number];

export interface SkuPriceChange {
  readonly skuId: string;
  /** Sorted by region. */
  readonly prices: readonly RegionPrice[];
}

export interface ProductPatch {
  /** The mask, sorted and without duplicates. */
  readonly paths: readonly PatchPath[];
  readonly content: Partial<ProductContent>;
  /** `sku_prices`: new prices of existing SKUs in some regions. */
  readonly skuPrices: readonly SkuPriceChange[];
  /** `skus`: the complete SKU list after the edit. */
  readonly skus: readonly SkuDraft[] | undefined;
}

const CODE = 'Catalog.InvalidProduct';

const maskSchema = z
  .array(z.enum(PATCH_PATHS, { error: `must be one of ${PATCH_PATHS.join(', ')}` }))
  .min(1, 'must name at least one field')
  .refine((paths) => !(paths.includes('sku_prices') && paths.includes('skus')), {
    message: 'sku_prices and skus cannot be changed together (skus already sets every price)',
  });

const skuPricesSchema = z
  .array(
    z
      .object({
        skuId: z.guid('must be a SKU id (UUID)'),
        prices: z
          .array(priceSchema)
          .min(1, 'at least one price is required')
          .max(PRODUCT_LIMITS.pricesPerSku, `at most ${PRODUCT_LIMITS.pricesPerSku} prices`),
      })
      .superRefine((entry, ctx) => {
        checkOnePricePerRegion(entry.prices, ctx);
      }),
  )
  .min(1, 'at least one SKU is required')
  .max(PRODUCT_LIMITS.skus, `at most ${PRODUCT_LIMITS.skus} SKUs`)
  .superRefine((entries, ctx) => {
    const seen = new Set<string>();
    entries.forEach((entry, i) => {
      if (seen.has(entry.skuId))
        ctx.addIssue({ code: 'custom', path: [i, 'skuId'], message: 'the same SKU is listed twice' });
      seen.add(entry.skuId);
    });
  });

/** The request field of each mask path (the generated message's camelCase name). */
const FIELD_OF: Record<PatchPath, string> = {
  title: 'title',
  description: 'description',
  category: 'category',
  brand: 'brand',
  attributes: 'attributes',
  media: 'media',
  status: 'status',
  sku_prices: 'skuPrices',
  skus: 'skus',
};

/** Parses `{ patch, updateMask }` for `tenantId` or throws `Catalog.InvalidProduct` with field errors. */
export function parseProductPatch(
  input: { readonly patch: unknown; readonly updateMask: unknown },
  tenantId: string,
): ProductPatch {
  const paths = [...new Set(parseInput(z.object({ updateMask: maskSchema }), input, CODE).updateMask)].sort();
  const fields = productFieldSchemas(tenantId);
  const shape: Record<string, z.ZodType> = {};
  for (const path of paths) {
    if (path === 'sku_prices') shape.skuPrices = skuPricesSchema;
    else if (path === 'skus') shape.skus = fields.skus;
    else shape[FIELD_OF[path]] = fields[path];
  }
  const patchSchema = z.object(shape).superRefine((patch, ctx) => {
    if (paths.includes('skus'))
      checkSkuList((patch as { skus: Parameters<typeof checkSkuList>[0] }).skus, ctx);
  });
  const parsed = parseInput(
    z.object({ patch: z.looseObject({}, { error: 'is required' }).pipe(patchSchema) }),
    input,
    CODE,
  ).patch as Record<string, unknown>;

  const content: Record<string, unknown> = {};
  for (const path of paths) {
    if (path === 'sku_prices' || path === 'skus') continue;
    const value = parsed[FIELD_OF[path]];
    content[path] =
      path === 'attributes'
        ? sortedRecord(value as Record<string, string>)
        : path === 'media'
          ? (value as MediaRef[]).map((m) => ({ ...m }))
          : value;
  }
  const skuPrices = paths.includes('sku_prices')
    ? (parsed.skuPrices as z.output<typeof skuPricesSchema>).map((entry) => ({
        skuId: entry.skuId.toLowerCase(),
        prices: regionPricesOf(entry.prices),
      }))
    : [];
  const skus = paths.includes('skus')
    ? skuDraftsOf(parsed.skus as Parameters<typeof skuDraftsOf>[0])
    : undefined;
  return { paths, content, skuPrices, skus };
}
