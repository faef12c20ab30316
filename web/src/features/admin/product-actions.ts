'use server';

import { SHOP_REGIONS } from '@/features/catalog/catalog-regions';
import { callCatalog, type CatalogProblem } from '@/server/catalog/catalog-client';
import { currentPrincipal } from '@/server/identity/session';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import {
  FORM_EXPIRED,
  guard,
  idempotencyKeySchema,
  problemState,
  textOf,
  valuesOf,
  versionSchema,
} from './admin-action-support';
import { parseProductId, statusNumber } from './admin-catalog';
import {
  createFieldNames,
  createProductSchema,
  fieldErrorsOf,
  toMinorUnits,
  updateFieldNames,
  updateProductSchema,
  type UpdateProductFields,
} from './product-form-schema';
import type { ProductFormState } from './product-form-state';
import { currencyFieldName, isPriceFieldName, loadedFieldName, priceChangesOfForm } from './sku-grid-schema';
import { isValidCsrfToken } from '@/server/identity/verify-csrf';

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

/** The content fields whose value differs from what the form showed: EditProduct's mask and patch. */
function contentChanges(fields: UpdateProductFields, loaded: Readonly<Record<string, string>>) {
  const changed = updateFieldNames.filter((name) => fields[name] !== (loaded[name] ?? '').trim());
  const patch = {
    title: fields.title,
    description: fields.description,
    category: fields.category,
    brand: fields.brand,
    status: statusNumber(fields.status),
  };
  return { changed, patch };
}

/** "the current version is 7…" (catalog's VersionConflict field detail) → "7". */
const currentVersionOf = (problem: CatalogProblem): string =>
  /current version is (\d+)/.exec(
    problem.errors.find((e) => e.field === 'expectedVersion')?.detail ?? '',
  )?.[1] ?? '';

/**
 * Saves an edit in ONE catalog call (EditProduct, adr/0035): only the fields and price cells that differ
 * from what the form showed, based on the version it was loaded at. Catalog merges them under its row lock,
 * so another admin's save of other fields in the meantime is kept, and refuses them (VersionConflict) when
 * that save changed one of the same fields.
 */
export async function updateProduct(_previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const values = editValuesOf(form);
  const allowed = await guard(form);
  if (!allowed.ok) return { values, fieldErrors: {}, formError: allowed.formError };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const productId = parseProductId(textOf(form, 'productId'));
  const expectedVersion = versionSchema.safeParse(form.get('expectedVersion'));
  if (!key.success || !productId || !expectedVersion.success)
    return { values, fieldErrors: {}, formError: FORM_EXPIRED };
  const loaded = Object.fromEntries(
    Object.keys(values).map((name) => [name, textOf(form, loadedFieldName(name))]),
  );
  const currencies = Object.fromEntries(
    SHOP_REGIONS.map(({ region }) => [region, textOf(form, currencyFieldName(region))] as const).filter(
      ([, currency]) => currency !== '',
    ),
  );
  // Every message at once: the content fields and every typed price.
  const parsed = updateProductSchema.safeParse(values);
  const prices = priceChangesOfForm(values, loaded, currencies);
  if (!parsed.success || !prices.ok)
    return {
      values,
      fieldErrors: {
        ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
        ...(prices.ok ? {} : prices.fieldErrors),
      },
    };
  const { changed, patch } = contentChanges(parsed.data, loaded);
  const updateMask = [...changed, ...(prices.changes.length > 0 ? ['sku_prices'] : [])];
  // Nothing differs from what the form showed: nothing to save.
  if (updateMask.length === 0)
    return redirectOnThisHost(`/admin/products/${productId}/edit?saved=${expectedVersion.data}`);
  const result = await callCatalog(
    'editProduct',
    {
      idempotencyKey: key.data,
      productId,
      expectedVersion: expectedVersion.data,
      // Only the masked fields are read; the rest are the message's defaults.
      patch: { ...patch, attributes: {}, media: [], skus: [], skuPrices: [...prices.changes] },
      updateMask,
    },
    { authenticated: true },
  );
  if (!result.ok) {
    if (result.problem.code === 'Catalog.VersionConflict')
      return { values, fieldErrors: {}, conflict: { currentVersion: currentVersionOf(result.problem) } };
    return problemState(result.problem, values, textOf(form, 'ownerRegion'), prices.changes);
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
