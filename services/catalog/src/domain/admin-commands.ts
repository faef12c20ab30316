import { z } from 'zod';
import { idempotencyKeySchema, parseInput } from '@shopstream/service-defaults';
import { regionSchema } from './region.js';

export const productIdSchema = z.guid('must be a product id (UUID)');

const versionSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const digits = typeof value === 'number' ? String(value) : value;
  const version = /^[1-9]\d{0,8}$/.test(digits) ? Number(digits) : Number.NaN;
  if (Number.isNaN(version)) {
    ctx.addIssue({ code: 'custom', message: 'must be the version the change is based on (1 or more)' });
    return z.NEVER;
  }
  return version;
});

const createSchema = z.object({ idempotencyKey: idempotencyKeySchema, ownerRegion: regionSchema });
const changeSchema = z.object({
  idempotencyKey: idempotencyKeySchema,
  productId: productIdSchema,
  expectedVersion: versionSchema,
});

export type CreateEnvelope = z.output<typeof createSchema>;
export type ChangeEnvelope = z.output<typeof changeSchema>;

/** Idempotency key and owner region of a CreateProduct (the content is parsed by `parseProductInput`). */
export function parseCreateEnvelope(input: unknown): CreateEnvelope {
  return parseInput(createSchema, input, 'Catalog.InvalidProduct');
}

/** Idempotency key, product id and expected version of an UpdateProduct / ArchiveProduct. */
export function parseChangeEnvelope(input: unknown): ChangeEnvelope {
  return parseInput(changeSchema, input, 'Catalog.InvalidProduct');
}
