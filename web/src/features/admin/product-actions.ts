'use server';

import type { z } from 'zod';
import { callCatalog } from '@/server/catalog/catalog-client';
import { currentPrincipal } from '@/server/identity/session';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import {
  FORM_EXPIRED,
  guard,
  idempotencyKeySchema,
  loadWritableProduct,
  problemState,
  textOf,
  valuesOf,
  versionSchema,
} from './admin-action-support';
import { loadProduct, parseProductId, statusNumber, type CatalogProduct } from './admin-catalog';
import {
  createFieldNames,
  createProductSchema,
  fieldErrorsOf,
  toMinorUnits,
  updateFieldNames,
  updateProductSchema,
} from './product-form-schema';
import type { ProductFormState } from './product-form-state';
import { isPriceFieldName, optionalPriceSchema, pricesOfForm } from './sku-grid-schema';
import { isValidCsrfToken } from './verify-csrf';

/** The edit form's values: the content fields and every price field it sent. */
const editValuesOf = (form: FormData): Record<string, string> => ({
  ...valuesOf(form, updateFieldNames),
  ...Object.fromEntries(
    [...form.keys()].filter(isPriceFieldName).map((name) => [name, textOf(form, name)] as const),
  ),
});

/**
 * The back office's mutations. Each one: CSRF token (adr/0018) first, then the signed-in admin, then zod on
 * what was typed, then catalog with the form's idempotency key (one per rendered form, adr/0023) and, for
 * edits, the version the form was loaded at. Failures come back as messages next to the fields, with what the
 * user typed kept; nothing here throws to the page except Next's own redirects.
 */

export async function createProduct(_previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const values = valuesOf(form, createFieldNames);
  const allowed = await guard(form);
  if (!allowed.ok) return { values, fieldErrors: {}, formError: allowed.formError };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  if (!key.success) return { values, fieldErrors: {}, formError: FORM_EXPIRED };
  const parsed = createProductSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const fields = parsed.data;
  const amountMinor = toMinorUnits(fields.price, fields.currency);
  if (amountMinor === undefined)
    return {
      values,
      fieldErrors: {
        price: `Too many decimals for ${fields.currency}, or the currency is unknown.`,
      },
    };
  const result = await callCatalog(
    'createProduct',
    {
      idempotencyKey: key.data,
      ownerRegion: fields.ownerRegion,
      product: {
        title: fields.title,
        description: fields.description,
        category: fields.category,
        brand: fields.brand,
        attributes: {},
        media: [],
        status: statusNumber(fields.status),
        skus: [
          {
            skuId: '',
            code: fields.skuCode,
            options: {},
            prices: [{ region: fields.ownerRegion, price: { currencyCode: fields.currency, amountMinor } }],
            initialStock: [{ region: fields.ownerRegion, quantity: fields.stock }],
          },
        ],
      },
    },
    { authenticated: true },
  );
  if (!result.ok) return problemState(result.problem, values, fields.ownerRegion);
  const created = result.value.product;
  return redirectOnThisHost(`/admin?created=${encodeURIComponent(created?.productId ?? '')}`);
}

/** The content catalog gets for an edit: the product as loaded, with what the form edits replaced. */
function editedInput(
  product: CatalogProduct,
  fields: z.infer<typeof updateProductSchema>,
  prices: ReadonlyMap<string, { region: string; price: { currencyCode: string; amountMinor: string } }[]>,
) {
  return {
    title: fields.title,
    description: fields.description,
    category: fields.category,
    brand: fields.brand,
    attributes: product.attributes,
    media: product.media,
    status: statusNumber(fields.status),
    skus: product.skus.map((sku) => ({
      skuId: sku.skuId,
      code: sku.code,
      options: sku.options,
      initialStock: [],
      prices: prices.get(sku.skuId) ?? sku.prices,
    })),
  };
}

export async function updateProduct(_previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const values = editValuesOf(form);
  const allowed = await guard(form);
  if (!allowed.ok) return { values, fieldErrors: {}, formError: allowed.formError };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const productId = parseProductId(textOf(form, 'productId'));
  const expectedVersion = versionSchema.safeParse(form.get('expectedVersion'));
  if (!key.success || !productId || !expectedVersion.success)
    return { values, fieldErrors: {}, formError: FORM_EXPIRED };
  const parsed = updateProductSchema.safeParse(values);
  // Every message at once: the content fields and the shape of every typed price.
  const priceErrors = Object.fromEntries(
    Object.entries(values).flatMap(([name, typed]) => {
      if (!isPriceFieldName(name)) return [];
      const price = optionalPriceSchema.safeParse(typed);
      return price.success ? [] : [[name, price.error.issues[0]?.message ?? '']];
    }),
  );
  if (!parsed.success || Object.keys(priceErrors).length > 0)
    return {
      values,
      fieldErrors: { ...(parsed.success ? {} : fieldErrorsOf(parsed.error)), ...priceErrors },
    };
  const writable = await loadWritableProduct(productId, values, 'it can no longer be edited.');
  if (!writable.ok) return writable.state;
  const { product } = writable;
  // Someone saved after this form was loaded: say so without sending anything (catalog would refuse too).
  if (product.version !== expectedVersion.data)
    return { values, fieldErrors: {}, conflict: { currentVersion: product.version } };
  // Prices per SKU and region, against the product as it is (a price cannot be emptied, decimals by currency).
  const prices = pricesOfForm(product.skus, values);
  if (!prices.ok) return { values, fieldErrors: prices.fieldErrors };
  const input = editedInput(product, parsed.data, prices.prices);
  const result = await callCatalog(
    'updateProduct',
    { idempotencyKey: key.data, productId, expectedVersion: expectedVersion.data, product: input },
    { authenticated: true },
  );
  if (!result.ok) {
    if (result.problem.code === 'Catalog.VersionConflict') {
      const latest = await loadProduct(productId);
      return {
        values,
        fieldErrors: {},
        conflict: { currentVersion: latest.ok ? (latest.value.product?.version ?? '') : '' },
      };
    }
    return problemState(result.problem, values, product.ownerRegion, input.skus);
  }
  const saved = result.value.product;
  return redirectOnThisHost(
    `/admin/products/${productId}/edit?saved=${encodeURIComponent(saved?.version ?? '')}`,
  );
}

/** Archives a product (a final version); errors come back to the edit page as a `?archive=` reason. */
export async function archiveProduct(form: FormData): Promise<void> {
  const productId = parseProductId(textOf(form, 'productId'));
  if (!productId) return redirectOnThisHost('/admin');
  const back = (reason: string) => redirectOnThisHost(`/admin/products/${productId}/edit?archive=${reason}`);
  if (!(await isValidCsrfToken(form.get('csrf')))) return back('session');
  const principal = await currentPrincipal();
  if (!principal) return redirectOnThisHost('/sign-in');
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const expectedVersion = versionSchema.safeParse(form.get('expectedVersion'));
  if (!key.success || !expectedVersion.success) return back('form');
  const result = await callCatalog(
    'archiveProduct',
    { idempotencyKey: key.data, productId, expectedVersion: expectedVersion.data },
    { authenticated: true },
  );
  if (!result.ok) {
    const { code, status } = result.problem;
    if (code === 'Catalog.VersionConflict') return back('conflict');
    if (status === 403) return back('permission');
    if (status === 503) return back('unavailable');
    return back('failed');
  }
  return redirectOnThisHost(`/admin?archived=${encodeURIComponent(productId)}`);
}
