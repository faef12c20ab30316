import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { callCatalog, type CatalogProblem, type CatalogResponse } from '@/server/catalog/catalog-client';
import { requireCatalogAdmin } from '@/server/identity/require-admin';
import { SHOP_REGIONS } from '@/features/catalog/catalog-regions';
import { PRODUCT_STATUS } from './catalog-format';
import { fromMinorUnits, type ProductStatusValue } from './product-form-schema';
import { currencyOfRegion, priceFieldName, stockFieldName } from './sku-grid-schema';
import type { SkuRow } from './sku-row';

export type CatalogProduct = NonNullable<CatalogResponse<'getProduct'>['product']>;

const productIdSchema = z.uuid();

/** A route's `[id]`, if it can be a product id at all (anything else is a 404 without asking catalog). */
export const parseProductId = (raw: string): string | undefined =>
  productIdSchema.safeParse(raw).success ? raw : undefined;

/** The current product as its admins see it (drafts included), past the read cache. */
export async function loadProduct(productId: string) {
  return callCatalog('getProduct', { productId }, { authenticated: true, noCache: true });
}

/**
 * The start of every page about one product (edit, stock): the admin guard, the `[id]` of the path (404 when
 * it cannot be an id) and the product (404 when catalog does not know it). A catalog problem is returned
 * for the page to show next to what it can still render.
 */
export async function adminProductFromPath(params: Promise<{ id: string }>) {
  await requireCatalogAdmin();
  const productId = parseProductId((await params).id);
  if (!productId) notFound();
  const result = await loadProduct(productId);
  if (!result.ok && result.problem.status === 404) notFound();
  const product = result.ok ? result.value.product : undefined;
  if (result.ok && !product) notFound();
  return { productId, result, product };
}

export function formValuesOf(product: CatalogProduct): Record<string, string> {
  const values: Record<string, string> = {
    title: product.title,
    brand: product.brand,
    category: product.category,
    description: product.description,
    status: product.status === PRODUCT_STATUS.DRAFT ? 'draft' : 'active',
  };
  for (const sku of product.skus)
    for (const { region } of SHOP_REGIONS) {
      const price = sku.prices.find((p) => p.region === region)?.price;
      values[priceFieldName(sku.skuId, region)] = price
        ? fromMinorUnits(price.amountMinor, price.currencyCode)
        : '';
    }
  return values;
}

/** The stock form's values: available units of every SKU in every shop region it is sold in. */
export function stockValuesOf(product: CatalogProduct): Record<string, string> {
  const values: Record<string, string> = {};
  for (const sku of product.skus)
    for (const { region } of SHOP_REGIONS)
      if (sku.prices.some((p) => p.region === region))
        values[stockFieldName(sku.skuId, region)] =
          sku.stock.find((s) => s.region === region)?.available ?? '0';
  return values;
}

/** Every SKU as the grids show it: code, options, and per shop region its currency and whether it is sold. */
export function skuRowsOf(product: CatalogProduct): SkuRow[] {
  return product.skus.map((sku) => ({
    skuId: sku.skuId,
    code: sku.code,
    options: Object.entries(sku.options)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}: ${value}`)
      .join(', '),
    cells: SHOP_REGIONS.map(({ region }) => ({
      region,
      currency: currencyOfRegion(product.skus, region),
      sold: sku.prices.some((p) => p.region === region),
      reserved: sku.stock.find((s) => s.region === region)?.reserved ?? '0',
    })),
  }));
}

export const statusNumber = (status: ProductStatusValue): number =>
  status === 'draft' ? PRODUCT_STATUS.DRAFT : PRODUCT_STATUS.ACTIVE;

/** What an edit sent for each SKU (to name the price field behind `skuPrices.N.prices.M`). */
export type SentSkus = readonly {
  readonly skuId: string;
  readonly prices: readonly { readonly region: string }[];
}[];

/** Catalog's field paths (`product.skus.0.prices.0.price.amountMinor`, `patch.title`) → the form's field names. */
export function formFieldOf(path: string, sent?: SentSkus): string | undefined {
  // `product.` (CreateProduct) or `patch.` (EditProduct: `patch.skuPrices.N.prices.M.…` names a sent cell).
  const field = path.replace(/^(product|patch)\./, '');
  if (/^(title|brand|category|description|status)$/.test(field)) return field;
  const edited = sent ? /^(?:skus|skuPrices)\.(\d+)\.prices\.(\d+)\./.exec(field) : null;
  if (sent && edited) {
    const sku = sent[Number(edited[1])];
    const region = sku?.prices[Number(edited[2])]?.region;
    return sku && region ? priceFieldName(sku.skuId, region) : undefined;
  }
  if (field === 'ownerRegion' || field === 'owner_region') return 'ownerRegion';
  if (/^skus\.0\.code$/.test(field)) return 'skuCode';
  if (/^skus\.0\.prices\.\d+\.price\.currencyCode$/.test(field)) return 'currency';
  if (/^skus\.0\.prices\./.test(field)) return 'price';
  if (/^skus\.0\.initialStock\./.test(field)) return 'stock';
  return undefined;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Catalog's field problems as the form's messages; the rest (unknown fields) go to the form message. */
export function fieldErrorsOfProblem(
  problem: CatalogProblem,
  sent?: SentSkus,
): {
  fieldErrors: Record<string, string>;
  rest: string[];
} {
  const fieldErrors: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of problem.errors) {
    const field = formFieldOf(error.field, sent);
    if (field) fieldErrors[field] ??= `${capitalised(error.detail)}.`;
    else rest.push(`${error.field} ${error.detail}`);
  }
  return { fieldErrors, rest };
}
