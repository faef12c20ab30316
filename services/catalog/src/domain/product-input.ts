import { z } from 'zod';
import { amountMinorSchema, currencySchema } from './currency.js';
import { parseInput } from '@shopstream/service-defaults';
import type { MediaRef, ProductContent, RegionPrice } from './product.js';
import {
  ATTRIBUTE_KEY_PATTERN,
  CATEGORY_PATTERN,
  PRODUCT_LIMITS,
  SKU_CODE_PATTERN,
  STOCK_QUANTITY_PATTERN,
} from './product-rules.js';
import { regionSchema } from './region.js';

/**
 * Validation of what an admin sends (CreateProduct / UpdateProduct `product`), in the shape of the proto
 * message `ProductInput` so that field errors name the caller's own fields (`skus.2.prices.0.price.amountMinor`).
 * The edge only turns enum numbers into names before calling `parseProductInput`.
 */

const LIMITS = PRODUCT_LIMITS;
const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{2,62}$/;
const IMAGE_TYPE_PATTERN = /^image\/(?:png|jpeg|webp|avif|gif)$/;

const text = (max: number, min = 0) =>
  z
    .string()
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(min, min === 1 ? 'is required' : `must be at least ${min} characters`)
        .max(max, `must be at most ${max} characters`),
    );

const stringMap = (maxEntries: number, maxValue: number, what: string) =>
  z.record(z.string(), text(maxValue, 1)).superRefine((map, ctx) => {
    const keys = Object.keys(map);
    if (keys.length > maxEntries) ctx.addIssue({ code: 'custom', message: `at most ${maxEntries} ${what}s` });
    for (const key of keys.filter((k) => !ATTRIBUTE_KEY_PATTERN.test(k)))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${what} names must be 1-40 of a-z, 0-9 and _ (starting with a letter)`,
      });
  });

const quantitySchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const digits = typeof value === 'number' ? String(value) : value;
  const quantity = STOCK_QUANTITY_PATTERN.test(digits) ? Number(digits) : Number.NaN;
  if (!(quantity <= LIMITS.stockQuantity)) {
    ctx.addIssue({ code: 'custom', message: `must be a whole number from 0 to ${LIMITS.stockQuantity}` });
    return z.NEVER;
  }
  return quantity;
});

export const mediaSchema = (tenantId: string) =>
  z.object({
    bucket: z.string().regex(BUCKET_PATTERN, 'must be an S3 bucket name'),
    key: z
      .string()
      .max(1024, 'must be at most 1024 characters')
      .refine(
        (key) => key.startsWith(`${tenantId}/`) && !key.includes('..'),
        'must start with "<tenant id>/"',
      ),
    contentType: z
      .string()
      .regex(IMAGE_TYPE_PATTERN, 'must be image/png, image/jpeg, image/webp, image/avif or image/gif'),
    altText: text(200),
    width: z.number().int().min(0).max(20_000),
    height: z.number().int().min(0).max(20_000),
  });

/** Refuses a second price in a region (`prices.<i>.region`); returns the priced regions. */
export function checkOnePricePerRegion(
  prices: readonly { readonly region: string }[],
  ctx: z.RefinementCtx,
): Set<string> {
  const priced = new Set<string>();
  prices.forEach((price, i) => {
    if (priced.has(price.region))
      ctx.addIssue({ code: 'custom', path: ['prices', i, 'region'], message: 'one price per region' });
    priced.add(price.region);
  });
  return priced;
}

export const priceSchema = z.object({
  region: regionSchema,
  price: z.object({ currencyCode: currencySchema, amountMinor: amountMinorSchema }, { error: 'is required' }),
});

const skuSchema = z
  .object({
    skuId: z.union([z.literal(''), z.guid('must be a SKU id (UUID) or empty for a new SKU')]),
    code: z.string().regex(SKU_CODE_PATTERN, 'must be 1-64 of A-Z, 0-9, ".", "_" and "-" (upper case)'),
    options: stringMap(LIMITS.options, LIMITS.optionValue, 'option'),
    prices: z
      .array(priceSchema)
      .min(1, 'at least one price is required')
      .max(LIMITS.pricesPerSku, `at most ${LIMITS.pricesPerSku} prices`),
    initialStock: z
      .array(z.object({ region: regionSchema, quantity: quantitySchema }))
      .max(LIMITS.pricesPerSku),
  })
  .superRefine((sku, ctx) => {
    const priced = checkOnePricePerRegion(sku.prices, ctx);
    const stocked = new Set<string>();
    sku.initialStock.forEach((stock, i) => {
      if (!priced.has(stock.region))
        ctx.addIssue({
          code: 'custom',
          path: ['initialStock', i, 'region'],
          message: 'the SKU has no price in this region',
        });
      if (stocked.has(stock.region))
        ctx.addIssue({
          code: 'custom',
          path: ['initialStock', i, 'region'],
          message: 'one stock entry per region',
        });
      stocked.add(stock.region);
    });
  });

/** The schema of every ProductInput field (EditProduct's ProductPatch validates the ones it names). */
export const productFieldSchemas = (tenantId: string) => ({
  title: text(LIMITS.title, 1),
  description: text(LIMITS.description),
  category: z
    .string()
    .max(LIMITS.category, `must be at most ${LIMITS.category} characters`)
    .regex(CATEGORY_PATTERN, 'must be 1-4 lower-case slugs separated by "/", e.g. "home/kitchen"'),
  brand: text(LIMITS.brand, 1),
  attributes: stringMap(LIMITS.attributes, LIMITS.attributeValue, 'attribute'),
  media: z.array(mediaSchema(tenantId)).max(LIMITS.media, `at most ${LIMITS.media} media`),
  skus: z
    .array(skuSchema)
    .min(1, 'at least one SKU is required')
    .max(LIMITS.skus, `at most ${LIMITS.skus} SKUs`),
  status: z.enum(['draft', 'active'], { error: 'must be DRAFT or ACTIVE' }),
});

type ParsedSku = z.output<typeof skuSchema>;

/** Cross-SKU rules of a complete SKU list (codes and ids unique, one currency per region), paths `skus.…`. */
export function checkSkuList(skus: readonly ParsedSku[], ctx: z.RefinementCtx): void {
  const codes = new Map<string, number>();
  const ids = new Set<string>();
  const currencyOfRegion = new Map<string, string>();
  skus.forEach((sku, i) => {
    if (codes.has(sku.code))
      ctx.addIssue({
        code: 'custom',
        path: ['skus', i, 'code'],
        message: `duplicates skus.${codes.get(sku.code)}.code`,
      });
    else codes.set(sku.code, i);
    if (sku.skuId !== '') {
      if (ids.has(sku.skuId))
        ctx.addIssue({
          code: 'custom',
          path: ['skus', i, 'skuId'],
          message: 'the same SKU is listed twice',
        });
      ids.add(sku.skuId);
    }
    sku.prices.forEach((price, j) => {
      const currency = currencyOfRegion.get(price.region);
      if (currency === undefined) currencyOfRegion.set(price.region, price.price.currencyCode);
      else if (currency !== price.price.currencyCode)
        ctx.addIssue({
          code: 'custom',
          path: ['skus', i, 'prices', j, 'price', 'currencyCode'],
          message: `every SKU must use one currency per region (${currency} in ${price.region})`,
        });
    });
  });
}

const productInputSchema = (tenantId: string) =>
  z.object(productFieldSchemas(tenantId)).superRefine((product, ctx) => checkSkuList(product.skus, ctx));

export interface SkuDraft {
  /** Existing SKU id, or undefined for a new SKU. */
  readonly id: string | undefined;
  readonly code: string;
  readonly options: Readonly<Record<string, string>>;
  /** Sorted by region. */
  readonly prices: readonly RegionPrice[];
  readonly initialStock: readonly { readonly region: string; readonly quantity: number }[];
}

export interface ProductDraft {
  readonly content: ProductContent;
  readonly skus: readonly SkuDraft[];
}

/**
 * Parses a ProductInput-shaped object for `tenantId` (media keys must lie under the tenant's prefix) or throws
 * `Catalog.InvalidProduct` (validation) with one field error per problem, paths under `product.`.
 */
export function parseProductInput(input: unknown, tenantId: string): ProductDraft {
  // Wrapped so that field paths name the request field: `product.skus.0.code`.
  const parsed = parseInput(
    z.object({ product: productInputSchema(tenantId) }, { error: 'is required' }),
    { product: input },
    'Catalog.InvalidProduct',
  ).product;
  const media: MediaRef[] = parsed.media.map((m) => ({ ...m }));
  return {
    content: {
      title: parsed.title,
      description: parsed.description,
      category: parsed.category,
      brand: parsed.brand,
      attributes: sortedRecord(parsed.attributes),
      media,
      status: parsed.status,
    },
    skus: skuDraftsOf(parsed.skus),
  };
}

/** Parsed SKU entries as drafts (options in key order, prices by region). */
export function skuDraftsOf(skus: readonly ParsedSku[]): SkuDraft[] {
  return skus.map((sku) => ({
    id: sku.skuId === '' ? undefined : sku.skuId,
    code: sku.code,
    options: sortedRecord(sku.options),
    prices: regionPricesOf(sku.prices),
    initialStock: sku.initialStock.map((s) => ({ region: s.region, quantity: s.quantity })),
  }));
}

/** Parsed `RegionPrice` messages as the domain's prices, sorted by region. */
export function regionPricesOf(prices: readonly z.output<typeof priceSchema>[]): RegionPrice[] {
  return prices
    .map((p) => ({ region: p.region, currency: p.price.currencyCode, amountMinor: p.price.amountMinor }))
    .sort((a, b) => a.region.localeCompare(b.region));
}

/** Keys in code-point order, so equal maps serialise (and hash, and diff) identically. */
export function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
