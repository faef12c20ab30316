import { z } from 'zod';
import { idempotencyKeySchema, parseInput } from '@shopstream/service-defaults';
import { regionSchema } from './region.js';

export const MAX_RESERVATION_QUANTITY = 1_000;
export const MAX_STOCK = 1_000_000;

const wholeNumber = (min: number, max: number) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const digits = typeof value === 'number' ? String(value) : value;
    const n = /^(0|[1-9]\d{0,9})$/.test(digits) ? Number(digits) : Number.NaN;
    if (!(n >= min && n <= max)) {
      ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` });
      return z.NEVER;
    }
    return n;
  });

const skuIdSchema = z.guid('must be a SKU id (UUID)');

const updateStockSchema = z.discriminatedUnion(
  'operation',
  [
    z.object({
      operation: z.literal('reserve'),
      idempotencyKey: idempotencyKeySchema,
      skuId: skuIdSchema,
      region: regionSchema,
      quantity: wholeNumber(1, MAX_RESERVATION_QUANTITY),
    }),
    z.object({
      operation: z.literal('release'),
      idempotencyKey: idempotencyKeySchema,
      skuId: skuIdSchema,
      region: regionSchema,
    }),
    z.object({
      operation: z.literal('sell'),
      idempotencyKey: idempotencyKeySchema,
      skuId: skuIdSchema,
      region: regionSchema,
    }),
  ],
  { error: 'must be RESERVE, RELEASE or SELL' },
);

export type StockChangeRequest = z.output<typeof updateStockSchema>;

/** UpdateStock input with the operation named (`reserve` / `release` / `sell`; anything else is refused). */
export function parseStockChange(input: unknown): StockChangeRequest {
  return parseInput(updateStockSchema, input, 'Catalog.InvalidStockRequest');
}

const setStockSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  skuId: skuIdSchema,
  region: regionSchema,
  available: wholeNumber(0, MAX_STOCK),
});

export type SetStockRequest = z.output<typeof setStockSchema>;

export function parseSetStock(input: unknown): SetStockRequest {
  return parseInput(setStockSchema, input, 'Catalog.InvalidStockRequest');
}
