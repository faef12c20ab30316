import { z } from 'zod';
import { SHOP_REGIONS } from '../catalog/catalog-regions';
import {
  currencyDigits,
  PRICE_MESSAGE,
  PRICE_PATTERN,
  STOCK_MESSAGE,
  stockSchema,
  toMinorUnits,
} from './product-form-schema';

/**
 * The back office's per-SKU, per-region fields: a price of every SKU in every shop region (edit form) and
 * the stock of every SKU in every region it is sold in (stock form). Field names carry the SKU id and the
 * region (`price-<skuId>-<region>`, `stock-<skuId>-<region>`), so a submit names exactly what it changes even
 * if the product's SKUs moved since the page was loaded. Shared by the browser (blur checks) and the server
 * actions (which decide).
 */

const SKU_ID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const priceNamePattern = new RegExp(`^price-(${SKU_ID})-(.+)$`);
const stockNamePattern = new RegExp(`^stock-(${SKU_ID})-(.+)$`);

export const priceFieldName = (skuId: string, region: string): string => `price-${skuId}-${region}`;
export const stockFieldName = (skuId: string, region: string): string => `stock-${skuId}-${region}`;
export const isPriceFieldName = (name: string): boolean => priceNamePattern.test(name);
export const isStockFieldName = (name: string): boolean => stockNamePattern.test(name);

/** A price cell the SKU already has a price in: it cannot be emptied here. */
export const requiredPriceSchema = z.string().trim().regex(PRICE_PATTERN, PRICE_MESSAGE);
/** A price cell without a price yet: empty = not sold there, a price = sold there from now on. */
export const optionalPriceSchema = z
  .string()
  .trim()
  .refine((v) => v === '' || PRICE_PATTERN.test(v), PRICE_MESSAGE);

interface Money {
  readonly currencyCode: string;
  readonly amountMinor: string;
}
interface PricedSku {
  readonly skuId: string;
  readonly prices: readonly { readonly region: string; readonly price?: Money | undefined }[];
}

/** The currency of a region's prices: what the product's SKUs already use there, else the shop's. */
export function currencyOfRegion(skus: readonly PricedSku[], region: string): string {
  for (const sku of skus) {
    const code = sku.prices.find((p) => p.region === region)?.price?.currencyCode;
    if (code) return code;
  }
  return SHOP_REGIONS.find((r) => r.region === region)?.currency ?? 'EUR';
}

export type PricesOfForm =
  | { readonly ok: true; readonly prices: ReadonlyMap<string, { region: string; price: Money }[]> }
  | { readonly ok: false; readonly fieldErrors: Record<string, string> };

/**
 * Every SKU's prices as the form set them: the shop's regions from the typed fields (kept when a field is
 * missing from the submit), any other region the SKU is priced in passed through untouched.
 */
export function pricesOfForm(
  skus: readonly PricedSku[],
  values: Readonly<Record<string, string>>,
): PricesOfForm {
  const fieldErrors: Record<string, string> = {};
  const prices = new Map<string, { region: string; price: Money }[]>();
  for (const sku of skus) {
    const out: { region: string; price: Money }[] = [];
    for (const { region } of SHOP_REGIONS) {
      const name = priceFieldName(sku.skuId, region);
      const existing = sku.prices.find((p) => p.region === region)?.price;
      const typed = values[name];
      if (typed === undefined) {
        if (existing) out.push({ region, price: existing });
        continue;
      }
      const parsed = (existing ? requiredPriceSchema : optionalPriceSchema).safeParse(typed);
      if (!parsed.success) {
        fieldErrors[name] = parsed.error.issues[0]?.message ?? PRICE_MESSAGE;
        continue;
      }
      if (parsed.data === '') continue;
      const currencyCode = existing?.currencyCode ?? currencyOfRegion(skus, region);
      const amountMinor = toMinorUnits(parsed.data, currencyCode);
      if (amountMinor === undefined) {
        fieldErrors[name] =
          `Enter a price in ${currencyCode} with at most ${currencyDigits(currencyCode) ?? 2} decimals.`;
        continue;
      }
      out.push({ region, price: { currencyCode, amountMinor } });
    }
    const shopRegions = new Set<string>(SHOP_REGIONS.map((r) => r.region));
    for (const p of sku.prices)
      if (!shopRegions.has(p.region) && p.price) out.push({ region: p.region, price: p.price });
    prices.set(sku.skuId, out);
  }
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, prices };
}

export interface StockChange {
  readonly skuId: string;
  readonly region: string;
  readonly available: number;
  readonly field: string;
}

export type StockOfForm =
  | { readonly ok: true; readonly changes: readonly StockChange[] }
  | { readonly ok: false; readonly fieldErrors: Record<string, string>; readonly formError?: string };

/** One stock value as typed: a whole number of units from 0 to 1,000,000. */
export const stockValueSchema = stockSchema;

/**
 * The stock form's submit: every `stock-<sku>-<region>` field checked (all before anything is written), and
 * the cells whose value differs from the one the page showed (`loaded`) as changes. A region that is not a
 * shop region, or where the SKU is not sold, is refused by name.
 */
export function stockOfForm(
  skus: readonly PricedSku[],
  entries: readonly (readonly [string, string])[],
  loaded: Readonly<Record<string, string>>,
): StockOfForm {
  const fieldErrors: Record<string, string> = {};
  const problems: string[] = [];
  const changes: StockChange[] = [];
  for (const [name, typed] of entries) {
    const match = stockNamePattern.exec(name);
    if (!match) continue;
    const [, skuId = '', region = ''] = match;
    const sku = skus.find((s) => s.skuId.toLowerCase() === skuId.toLowerCase());
    if (!sku) {
      problems.push('A variant of this form no longer exists. Reload the page.');
      continue;
    }
    if (!SHOP_REGIONS.some((r) => r.region === region)) {
      problems.push(
        `Unknown region “${region}”: stock can be set in ${SHOP_REGIONS.map((r) => r.region).join(', ')}.`,
      );
      continue;
    }
    if (!sku.prices.some((p) => p.region === region)) {
      problems.push(`This variant is not sold in ${region}: give it a price there first.`);
      continue;
    }
    const parsed = stockValueSchema.safeParse(typed);
    if (!parsed.success) {
      fieldErrors[name] = parsed.error.issues[0]?.message ?? STOCK_MESSAGE;
      continue;
    }
    if (loaded[name] !== undefined && loaded[name] === parsed.data) continue;
    changes.push({ skuId: sku.skuId, region, available: Number(parsed.data), field: name });
  }
  if (problems.length > 0 || Object.keys(fieldErrors).length > 0)
    return {
      ok: false,
      fieldErrors,
      ...(problems.length > 0 ? { formError: [...new Set(problems)].join(' ') } : {}),
    };
  return { ok: true, changes };
}
