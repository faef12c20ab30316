import {
  CATEGORY_PATTERN,
  CURRENCY_CODE_PATTERN,
  PRODUCT_LIMITS,
  REGION_PATTERN,
  SKU_CODE_PATTERN,
  STOCK_QUANTITY_PATTERN,
} from '@shopstream/catalog/rules';
import { z } from 'zod';

// In the browser zod would probe `new Function` to compile parsers, which the nonce CSP (no 'unsafe-eval')
// reports as a violation: parse without that JIT there. Before any schema is built (it is decided then).
if (typeof window !== 'undefined') z.config({ jitless: true });

/**
 * The back office's product form: what an admin types, validated the same way in the browser (comfort,
 * on blur) and in the server action (safety). Limits and patterns are catalog's own (`@shopstream/catalog/rules`),
 * the messages are written for people; catalog still decides. The price format is the form's (decimals as
 * typed, turned into minor units here).
 */

export const PRICE_PATTERN = /^\d{1,10}(?:\.\d{1,3})?$/;
export const PRICE_MESSAGE = 'Enter a price like 24.90 (digits, optional decimals).';
export const STOCK_MESSAGE = `Enter a whole number of units from 0 to ${PRODUCT_LIMITS.stockQuantity.toLocaleString('en')}.`;

/** Units of stock as typed: 0–1,000,000, digits only (no sign, no decimals, no exponent). */
export const stockSchema = z
  .string()
  .trim()
  .regex(STOCK_QUANTITY_PATTERN, STOCK_MESSAGE)
  .refine((v) => Number(v) <= PRODUCT_LIMITS.stockQuantity, STOCK_MESSAGE);

const text = (label: string, max: number, required: boolean) =>
  z
    .string()
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(required ? 1 : 0, `Enter a ${label.toLowerCase()}.`)
        .max(max, `${label} must be at most ${max} characters.`),
    );

export const productStatusValues = ['draft', 'active'] as const;
export type ProductStatusValue = (typeof productStatusValues)[number];

/** Fields shared by create and edit (edit prices every SKU in its own fields: sku-grid-schema.ts). */
const contentFields = {
  title: text('Title', PRODUCT_LIMITS.title, true),
  brand: text('Brand', PRODUCT_LIMITS.brand, true),
  category: z
    .string()
    .trim()
    .max(PRODUCT_LIMITS.category, `Category must be at most ${PRODUCT_LIMITS.category} characters.`)
    .regex(CATEGORY_PATTERN, 'Use 1–4 lower-case words separated by “/”, e.g. home/kitchen.'),
  description: text('Description', PRODUCT_LIMITS.description, false),
  status: z.enum(productStatusValues, { error: 'Choose draft or active.' }),
};

export const createProductSchema = z.object({
  ...contentFields,
  price: z.string().trim().regex(PRICE_PATTERN, PRICE_MESSAGE),
  ownerRegion: z
    .string()
    .trim()
    .regex(REGION_PATTERN, 'Enter a region code like eu or us-west (lower case, 2–16 characters).'),
  currency: z
    .string()
    .trim()
    .transform((v) => v.toUpperCase())
    .pipe(z.string().regex(CURRENCY_CODE_PATTERN, 'Enter a three-letter currency code like EUR.')),
  skuCode: z
    .string()
    .trim()
    .regex(SKU_CODE_PATTERN, 'Use 1–64 upper-case letters, digits, “.”, “_” or “-”, e.g. TSHIRT-RED-M.'),
  stock: stockSchema,
});

/** Edit: the content fields; every SKU's prices are fields of their own (sku-grid-schema.ts). */
export const updateProductSchema = z.object(contentFields);

export type CreateProductFields = z.infer<typeof createProductSchema>;
export type UpdateProductFields = z.infer<typeof updateProductSchema>;

/** Every field name of the forms, in display order. */
export const createFieldNames = [
  'title',
  'brand',
  'category',
  'description',
  'status',
  'ownerRegion',
  'skuCode',
  'price',
  'currency',
  'stock',
] as const;
export const updateFieldNames = ['title', 'brand', 'category', 'description', 'status'] as const;
export type ProductFieldName = (typeof createFieldNames)[number];

/** Decimal places of a currency's minor unit (EUR 2, JPY 0, …); undefined for an unknown code. */
export function currencyDigits(currency: string): number | undefined {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits;
  } catch {
    return undefined;
  }
}

/** "24.90" in EUR → "2490"; undefined when the amount has more decimals than the currency allows. */
export function toMinorUnits(price: string, currency: string): string | undefined {
  const digits = currencyDigits(currency);
  if (digits === undefined) return undefined;
  const [whole = '0', fraction = ''] = price.split('.');
  if (fraction.length > digits) return undefined;
  const minor = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  return minor;
}

/** "2490" in EUR → "24.90" (for the edit form's price field). */
export function fromMinorUnits(amountMinor: string, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  if (digits === 0) return amountMinor;
  const padded = amountMinor.padStart(digits + 1, '0');
  return `${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** First message per field, keyed by field name. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
