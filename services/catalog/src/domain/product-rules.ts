/**
 * The catalog's field rules, exported (`@shopstream/catalog/rules`) so that every form and client checks what
 * catalog checks with the same numbers and patterns instead of a copy: the web's back office and storefront
 * import them, catalog's own validation (product-input.ts, list-query.ts, region.ts) is built on them.
 * Plain constants without imports: safe in a browser bundle. Catalog still decides (and words its messages
 * for API callers; forms word theirs for people).
 */

/** Maximum lengths and counts of a product's fields. */
export const PRODUCT_LIMITS = {
  title: 200,
  description: 5_000,
  category: 100,
  brand: 100,
  attributes: 30,
  attributeValue: 200,
  media: 10,
  skus: 50,
  options: 10,
  optionValue: 100,
  pricesPerSku: 20,
  /** Units of stock of one SKU in one region (initial stock, SetStock). */
  stockQuantity: 1_000_000,
} as const;

/** 1-4 lower-case slugs separated by "/", e.g. `home/kitchen`. */
export const CATEGORY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*){0,3}$/;

/** 1-64 of A-Z, 0-9, ".", "_" and "-", starting with a letter or digit, e.g. `TSHIRT-RED-M`. */
export const SKU_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;

/** Region codes: lower-case letters, digits and dashes, 2-16 characters ("eu", "us", "apac", "us-west"). */
export const REGION_PATTERN = /^[a-z][a-z0-9-]{1,15}$/;

/** Attribute and option names: 1-40 of a-z, 0-9 and _, starting with a letter. */
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

/** A stock quantity as digits: 0 or up to seven digits without a leading zero (then ≤ stockQuantity). */
export const STOCK_QUANTITY_PATTERN = /^(0|[1-9]\d{0,6})$/;

/** ISO 4217 shape (the set of known codes is the runtime's, see currency.ts). */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;
