import { CATEGORY_PATTERN, PRODUCT_LIMITS } from '@shopstream/catalog/rules';
import { currencyOf, DEFAULT_REGION, isShopRegion, minorDigits, type ShopRegion } from './catalog-regions';

/**
 * The catalog listing's URL (`/products?category=&region=&min=&max=&page=&prev=`), parsed on the server:
 * what the shopper typed comes back as typed (for the form), and every invalid field gets a message
 * instead of reaching the catalog. `page` is the catalog's cursor; `prev` the cursors of the pages
 * before it (oldest first, the last few only), so "Previous" works without JavaScript or server state.
 */

export type SearchParams = Record<string, string | string[] | undefined>;

export const LISTING_PAGE_SIZE = 12;
/** Cursors kept for "Previous" (each up to a few hundred characters). */
export const MAX_TRAIL = 8;
/** What the form echoes back of a value (a huge query string must not come back huge). */
const MAX_ECHO = 200;

const AMOUNT = /^\d{1,9}(?:\.\d{1,3})?$/;
const TOKEN = /^[A-Za-z0-9_=.-]{1,2048}$/;

export interface ListingFilters {
  readonly category: string;
  readonly region: ShopRegion;
  readonly minPriceMinor: number;
  readonly maxPriceMinor: number;
}

export interface ListingQuery {
  /** Valid filters (only meaningful when `errors` is empty). */
  readonly filters: ListingFilters;
  /** What the form shows: the raw values, trimmed and cut to a sane length. */
  readonly input: {
    readonly category: string;
    readonly region: string;
    readonly min: string;
    readonly max: string;
  };
  readonly errors: Partial<Record<'category' | 'region' | 'min' | 'max', string>>;
  readonly pageToken: string;
  readonly trail: readonly string[];
  /** A page cursor in the URL was not one (a hand-edited link): the first page is shown instead. */
  readonly badPageToken: boolean;
}

const first = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();

const all = (value: string | string[] | undefined): string[] =>
  Array.isArray(value) ? value : value === undefined ? [] : [value];

/** "19.99" in `currency` → minor units, or undefined when it has more decimals than the currency. */
function toMinor(text: string, currency: string): number | undefined {
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = text.split('.');
  if (fraction.length > digits) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}

export function parseListingQuery(params: SearchParams): ListingQuery {
  const raw = {
    category: first(params.category).toLowerCase(),
    region: first(params.region),
    min: first(params.min),
    max: first(params.max),
  };
  const input = {
    category: raw.category.slice(0, MAX_ECHO),
    region: raw.region.slice(0, MAX_ECHO),
    min: raw.min.slice(0, MAX_ECHO),
    max: raw.max.slice(0, MAX_ECHO),
  };
  const errors: ListingQuery['errors'] = {};

  let category = '';
  if (raw.category !== '') {
    if (raw.category.length > PRODUCT_LIMITS.category)
      errors.category = `A category has at most ${PRODUCT_LIMITS.category} characters.`;
    else if (!CATEGORY_PATTERN.test(raw.category))
      errors.category = 'Use a category path such as home/kitchen (letters, digits, "-" and "/").';
    else category = raw.category;
  }

  let region: ShopRegion = DEFAULT_REGION;
  if (raw.region !== '') {
    if (isShopRegion(raw.region)) region = raw.region;
    else errors.region = 'Choose one of the listed regions.';
  }

  const currency = currencyOf(region);
  const amount = (text: string, field: 'min' | 'max'): number => {
    if (text === '') return 0;
    const minor = AMOUNT.test(text) ? toMinor(text, currency) : undefined;
    if (minor === undefined) {
      errors[field] = `Enter an amount in ${currency}, such as 25 or 19.99.`;
      return 0;
    }
    return minor;
  };
  const minPriceMinor = amount(raw.min, 'min');
  const maxPriceMinor = amount(raw.max, 'max');
  if (
    errors.min === undefined &&
    errors.max === undefined &&
    maxPriceMinor > 0 &&
    minPriceMinor > maxPriceMinor
  )
    errors.max = 'The highest price must be at least the lowest price.';

  const page = first(params.page);
  const badPageToken = page !== '' && !TOKEN.test(page);
  const trail = all(params.prev)
    .filter((t) => t === '' || TOKEN.test(t))
    .slice(-MAX_TRAIL);

  return {
    filters: { category, region, minPriceMinor, maxPriceMinor },
    input,
    errors,
    pageToken: badPageToken ? '' : page,
    trail: badPageToken ? [] : trail,
    badPageToken,
  };
}

/** The listing URL of `filters` at the page `pageToken` with `trail` before it. */
export function listingHref(
  input: ListingQuery['input'],
  pageToken: string,
  trail: readonly string[],
): string {
  const params = new URLSearchParams();
  if (input.category !== '') params.set('category', input.category);
  if (input.region !== '') params.set('region', input.region);
  if (input.min !== '') params.set('min', input.min);
  if (input.max !== '') params.set('max', input.max);
  if (pageToken !== '') {
    params.set('page', pageToken);
    for (const t of trail.slice(-MAX_TRAIL)) params.append('prev', t);
  }
  const query = params.toString();
  return query === '' ? '/products' : `/products?${query}`;
}
