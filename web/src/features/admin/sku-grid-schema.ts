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
/** `loaded-<field>`: the value a field showed when the form was rendered (what "changed" is against). */
export const loadedFieldName = (name: string): string => `loaded-${name}`;
/** `currency-<region>`: the currency of the product's prices in a region, as the form showed it. */
export const currencyFieldName = (region: string): string => `currency-${region}`;

/** The SKU id and region a `price-<skuId>-<region>` field names. */
export function priceFieldOf(name: string): { skuId: string; region: string } | undefined {
  const match = priceNamePattern.exec(name);
  return match ? { skuId: (match[1] ?? '').toLowerCase(), region: match[2] ?? '' } : undefined;
}
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

/** The prices of one SKU an edit changes (EditProduct's `sku_prices`). */
export interface SkuPriceChange {
  readonly skuId: string;
  readonly prices: { region: string; price: Money }[];
}

export type PriceChangesOfForm =
  | { readonly ok: true; readonly changes: readonly SkuPriceChange[] }
  | { readonly ok: false; readonly fieldErrors: Record<string, string> };

/**
 * The price cells an edit changes: every `price-<sku>-<region>` field compared with what the form showed
 * (`loaded`, in minor units of the region's currency, so "24.9" equals "24.90"). A cell that had a price
 * cannot be emptied; an empty cell stays unpriced. The currency of a region is the form's (`currencies`,
 * by region), else the shop's; catalog checks it against the product's other prices.
 */
export function priceChangesOfForm(
  values: Readonly<Record<string, string>>,
  loaded: Readonly<Record<string, string>>,
  currencies: Readonly<Record<string, string>>,
): PriceChangesOfForm {
  const fieldErrors: Record<string, string> = {};
  const bySku = new Map<string, SkuPriceChange>();
  for (const [name, typed] of Object.entries(values)) {
    const cell = priceFieldOf(name);
    if (!cell) continue;
    const before = (loaded[name] ?? '').trim();
    const parsed = (before === '' ? optionalPriceSchema : requiredPriceSchema).safeParse(typed);
    if (!parsed.success) {
      fieldErrors[name] = parsed.error.issues[0]?.message ?? PRICE_MESSAGE;
      continue;
    }
    if (parsed.data === '') continue;
    const currencyCode =
      currencies[cell.region] ?? SHOP_REGIONS.find((r) => r.region === cell.region)?.currency ?? 'EUR';
    const amountMinor = toMinorUnits(parsed.data, currencyCode);
    if (amountMinor === undefined) {
      fieldErrors[name] =
        `Enter a price in ${currencyCode} with at most ${currencyDigits(currencyCode) ?? 2} decimals.`;
      continue;
    }
    if (before !== '' && toMinorUnits(before, currencyCode) === amountMinor) continue;
    const change = bySku.get(cell.skuId) ?? { skuId: cell.skuId, prices: [] };
    change.prices.push({ region: cell.region, price: { currencyCode, amountMinor } });
    bySku.set(cell.skuId, change);
  }
  return Object.keys(fieldErrors).length > 0
    ? { ok: false, fieldErrors }
    : { ok: true, changes: [...bySku.values()] };
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
