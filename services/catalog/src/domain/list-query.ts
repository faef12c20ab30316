import { z } from 'zod';
import { invalidPageToken } from './catalog-errors.js';
import { fingerprint } from './canonical-json.js';
import { amountMinorSchema } from './currency.js';
import { parseInput } from '@shopstream/service-defaults';
import type { ProductStatus } from './product.js';
import { CATEGORY_PATTERN } from './product-rules.js';
import { regionSchema } from './region.js';

export const DEFAULT_PAGE_SIZE = 24;
export const MAX_PAGE_SIZE = 100;

export type ProductSort = 'newest' | 'title' | 'price_asc' | 'price_desc';

/** Where the previous page ended: the sort key of its last row and the row's id (the tie-breaker). */
export type Cursor =
  | { readonly sort: 'newest'; readonly createdAt: number; readonly id: string }
  | { readonly sort: 'title'; readonly title: string; readonly id: string }
  | { readonly sort: 'price_asc' | 'price_desc'; readonly price: number; readonly id: string };

export interface ListFilter {
  readonly category: string | undefined;
  readonly region: string | undefined;
  readonly minPriceMinor: number | undefined;
  readonly maxPriceMinor: number | undefined;
  readonly statuses: readonly ProductStatus[];
}

export interface ListQuery {
  readonly pageSize: number;
  readonly filter: ListFilter;
  readonly sort: ProductSort;
  readonly after: Cursor | undefined;
  /** Ties page tokens to the filter and order they were issued for. */
  readonly fingerprint: string;
  /** Fill `ownerRegionAvailable` (such a page bypasses the list cache). */
  readonly includeStock: boolean;
}

/** ListProducts input with enums already named (`status: 'unspecified' | 'draft' …`). */
export interface ListProductsInput {
  readonly page: { readonly pageSize: number; readonly pageToken: string };
  readonly filter: {
    readonly category: string;
    readonly region: string;
    readonly minPriceMinor: string | number;
    readonly maxPriceMinor: string | number;
    readonly status: string;
  };
  readonly sort: string;
  readonly includeStock?: boolean;
}

const optionalBound = amountMinorSchema.transform((amount) => (amount === 0 ? undefined : amount));

const listSchema = z
  .object({
    page: z.object({
      pageSize: z.number().int().min(0, 'must not be negative'),
      pageToken: z.string().max(2048, 'must be at most 2048 characters'),
    }),
    filter: z.object({
      category: z.union([z.literal(''), z.string().regex(CATEGORY_PATTERN, 'must be a category path')]),
      region: z.union([z.literal(''), regionSchema]),
      minPriceMinor: optionalBound,
      maxPriceMinor: optionalBound,
      status: z.enum(['unspecified', 'draft', 'active', 'archived'], { error: 'unknown status' }),
    }),
    sort: z.enum(['unspecified', 'newest', 'title', 'price_asc', 'price_desc'], {
      error: 'unknown sort order',
    }),
  })
  .superRefine((input, ctx) => {
    const { filter } = input;
    const priced = filter.minPriceMinor !== undefined || filter.maxPriceMinor !== undefined;
    if (priced && filter.region === '')
      ctx.addIssue({ code: 'custom', path: ['filter', 'region'], message: 'a price range needs a region' });
    if (input.sort.startsWith('price') && filter.region === '')
      ctx.addIssue({
        code: 'custom',
        path: ['filter', 'region'],
        message: 'sorting by price needs a region',
      });
    if (
      filter.minPriceMinor !== undefined &&
      filter.maxPriceMinor !== undefined &&
      filter.minPriceMinor > filter.maxPriceMinor
    )
      ctx.addIssue({
        code: 'custom',
        path: ['filter', 'maxPriceMinor'],
        message: 'must not be below minPriceMinor',
      });
  });

/**
 * Validates a ListProducts request. Shoppers (`catalogAdmin: false`) always get ACTIVE products whatever
 * status they ask for; admins get DRAFT + ACTIVE by default, or the one status they ask for.
 */
export function parseListQuery(
  input: ListProductsInput,
  options: { readonly catalogAdmin: boolean },
): ListQuery {
  const parsed = parseInput(listSchema, input, 'Catalog.InvalidListRequest');
  const { filter } = parsed;
  const statuses: ProductStatus[] = !options.catalogAdmin
    ? ['active']
    : filter.status === 'unspecified'
      ? ['draft', 'active']
      : [filter.status];
  const normalized: ListFilter = {
    category: filter.category === '' ? undefined : filter.category,
    region: filter.region === '' ? undefined : filter.region,
    minPriceMinor: filter.minPriceMinor,
    maxPriceMinor: filter.maxPriceMinor,
    statuses,
  };
  const sort: ProductSort = parsed.sort === 'unspecified' ? 'newest' : parsed.sort;
  const print = fingerprint({ filter: normalized, sort }).slice(0, 16);
  const size = parsed.page.pageSize === 0 ? DEFAULT_PAGE_SIZE : Math.min(parsed.page.pageSize, MAX_PAGE_SIZE);
  return {
    pageSize: size,
    filter: normalized,
    sort,
    fingerprint: print,
    includeStock: input.includeStock === true,
    after: parsed.page.pageToken === '' ? undefined : decodePageToken(parsed.page.pageToken, sort, print),
  };
}

const tokenSchema = z.object({
  f: z.string(),
  id: z.guid(),
  k: z.union([z.string().max(400), z.number().int().nonnegative()]),
});

/** Opaque to callers: base64url of `{f: fingerprint, k: sort key, id}`. */
export function encodePageToken(cursor: Cursor, print: string): string {
  const key =
    cursor.sort === 'newest' ? cursor.createdAt : cursor.sort === 'title' ? cursor.title : cursor.price;
  return Buffer.from(JSON.stringify({ f: print, k: key, id: cursor.id })).toString('base64url');
}

export function decodePageToken(token: string, sort: ProductSort, print: string): Cursor {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidPageToken();
  }
  const parsed = tokenSchema.safeParse(raw);
  if (!parsed.success || parsed.data.f !== print) throw invalidPageToken();
  const { k, id } = parsed.data;
  if (sort === 'title') {
    if (typeof k !== 'string') throw invalidPageToken();
    return { sort, title: k, id };
  }
  if (typeof k !== 'number') throw invalidPageToken();
  return sort === 'newest' ? { sort, createdAt: k, id } : { sort, price: k, id };
}
