import 'server-only';
import { z } from 'zod';
import { callCatalog, type CatalogProblem, type CatalogResponse } from '@/server/catalog/catalog-client';
import { PRODUCT_STATUS } from './catalog-format';
import { fromMinorUnits, type ProductStatusValue } from './product-form-schema';

export type CatalogProduct = NonNullable<CatalogResponse<'getProduct'>['product']>;

const productIdSchema = z.uuid();

/** A route's `[id]`, if it can be a product id at all (anything else is a 404 without asking catalog). */
export const parseProductId = (raw: string): string | undefined =>
  productIdSchema.safeParse(raw).success ? raw : undefined;

/** The current product as its admins see it (drafts included), past the read cache. */
export async function loadProduct(productId: string) {
  return callCatalog('getProduct', { productId }, { authenticated: true, noCache: true });
}

/** The SKU the forms show (the first one) and its price in the owning region, if any. */
export function primaryPrice(product: CatalogProduct) {
  const sku = product.skus[0];
  const price = sku?.prices.find((p) => p.region === product.ownerRegion)?.price;
  const stock = sku?.stock.find((s) => s.region === product.ownerRegion);
  return { sku, price, stock };
}

export function formValuesOf(product: CatalogProduct): Record<string, string> {
  const { price } = primaryPrice(product);
  return {
    title: product.title,
    brand: product.brand,
    category: product.category,
    description: product.description,
    status: product.status === PRODUCT_STATUS.DRAFT ? 'draft' : 'active',
    price: price ? fromMinorUnits(price.amountMinor, price.currencyCode) : '',
  };
}

export const statusNumber = (status: ProductStatusValue): number =>
  status === 'draft' ? PRODUCT_STATUS.DRAFT : PRODUCT_STATUS.ACTIVE;

/** Catalog's field paths (`product.skus.0.prices.0.price.amountMinor`) → the form's field names. */
export function formFieldOf(path: string): string | undefined {
  const field = path.replace(/^product\./, '');
  if (/^(title|brand|category|description|status)$/.test(field)) return field;
  if (field === 'ownerRegion' || field === 'owner_region') return 'ownerRegion';
  if (/^skus\.0\.code$/.test(field)) return 'skuCode';
  if (/^skus\.0\.prices\.\d+\.price\.currencyCode$/.test(field)) return 'currency';
  if (/^skus\.0\.prices\./.test(field)) return 'price';
  if (/^skus\.0\.initialStock\./.test(field)) return 'stock';
  return undefined;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Catalog's field problems as the form's messages; the rest (unknown fields) go to the form message. */
export function fieldErrorsOfProblem(problem: CatalogProblem): {
  fieldErrors: Record<string, string>;
  rest: string[];
} {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of problem.errors) {
    const field = formFieldOf(error.field);
    if (field) fieldErrors[field] ??= `${capitalised(error.detail)}.`;
    else rest.push(`${error.field} ${error.detail}`);
  }
  return { fieldErrors, rest };
}
