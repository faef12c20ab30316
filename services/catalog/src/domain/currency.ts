import { z } from 'zod';

/** ISO 4217 codes the runtime knows (`Intl.supportedValuesOf('currency')`, ~300 codes), upper case. */
export const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

export const currencySchema = z
  .string()
  .refine((code) => CURRENCY_CODES.has(code), 'must be an ISO 4217 currency code in upper case, e.g. EUR');

/** Largest accepted amount in minor units (10^12: ten billion in a two-decimal currency). */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000;

/**
 * Amounts arrive as proto int64 decimal strings (or numbers from JSON). Refused: fractions, exponents,
 * signs, leading zeros beyond "0", values above MAX_AMOUNT_MINOR.
 */
export const amountMinorSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const text = typeof value === 'number' ? String(value) : value;
  if (!/^(0|[1-9]\d{0,12})$/.test(text)) {
    ctx.addIssue({
      code: 'custom',
      message: text.startsWith('-') ? 'must not be negative' : 'must be a whole number of minor units',
    });
    return z.NEVER;
  }
  const amount = Number(text);
  if (amount > MAX_AMOUNT_MINOR) {
    ctx.addIssue({ code: 'custom', message: `must be at most ${MAX_AMOUNT_MINOR}` });
    return z.NEVER;
  }
  return amount;
});
