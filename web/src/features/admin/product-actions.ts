'use server';

import { z } from 'zod';
import { callCatalog, type CatalogProblem } from '@/server/catalog/catalog-client';
import { currentPrincipal, isCatalogAdmin } from '@/server/identity/session';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import {
  fieldErrorsOfProblem,
  loadProduct,
  parseProductId,
  primaryPrice,
  statusNumber,
  type CatalogProduct,
} from './admin-catalog';
import { PRODUCT_STATUS } from './catalog-format';
import {
  createFieldNames,
  createProductSchema,
  currencyDigits,
  fieldErrorsOf,
  PRICE_MESSAGE,
  toMinorUnits,
  updateFieldNames,
  updateProductSchema,
} from './product-form-schema';
import type { ProductFormState } from './product-form-state';
import { isValidCsrfToken } from './verify-csrf';

/**
 * The back office's mutations. Each one: CSRF token (adr/0018) first, then the signed-in admin, then zod on
 * what was typed, then catalog with the form's idempotency key (one per rendered form, adr/0023) and, for
 * edits, the version the form was loaded at. Failures come back as messages next to the fields, with what the
 * user typed kept; nothing here throws to the page except Next's own redirects.
 */

const textOf = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === 'string' ? v : '';
};

const valuesOf = (form: FormData, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, textOf(form, name)]));

const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,200}$/);
const versionSchema = z.string().regex(/^[1-9]\d{0,17}$/);

const SESSION_CHANGED =
  'Your session changed since this page was loaded (for example, you signed in again in another tab). Reload the page and submit again; copy your text first if you need it.';
const FORM_EXPIRED = 'This form is incomplete or outdated. Reload the page and try again.';

type Guard = { ok: true } | { ok: false; formError: string };

async function guard(form: FormData): Promise<Guard> {
  if (!(await isValidCsrfToken(form.get('csrf')))) return { ok: false, formError: SESSION_CHANGED };
  const principal = await currentPrincipal();
  if (!principal) return redirectOnThisHost('/sign-in');
  if (!isCatalogAdmin(principal))
    return { ok: false, formError: 'Only catalog administrators can change products.' };
  return { ok: true };
}

async function regionsText(): Promise<string> {
  const principal = await currentPrincipal();
  if (!principal) return 'none';
  const regions = principal.roles
    .filter((r) => r.startsWith('catalog.admin:'))
    .map((r) => r.slice('catalog.admin:'.length));
  return regions.length > 0 ? regions.join(', ') : 'none';
}

/** A catalog failure as the form's messages (field errors where catalog named a field we show). */
async function problemState(
  problem: CatalogProblem,
  values: Record<string, string>,
  region: string,
): Promise<ProductFormState> {
  switch (problem.code) {
    case 'Catalog.DuplicateSkuCode':
      return 'skuCode' in values
        ? {
            values,
            fieldErrors: { skuCode: 'This SKU code is already used in this shop. Choose another one.' },
          }
        : { values, fieldErrors: {}, formError: 'A SKU code of this product is already used elsewhere.' };
    case 'Catalog.IdempotencyKeyReused':
      return {
        values,
        fieldErrors: {},
        formError:
          'This form was already submitted with other values. Reload the page to start again with a fresh form.',
      };
    case 'Catalog.ProductArchived':
      return {
        values,
        fieldErrors: {},
        formError: 'This product has been archived: it can no longer be edited.',
      };
    default:
      break;
  }
  if (problem.status === 403)
    return {
      values,
      fieldErrors: {},
      formError: `You cannot change products of the region “${region}”. Your account administers: ${await regionsText()}. Ask a shop admin for the role catalog.admin:${region}.`,
    };
  if (problem.status === 401)
    return { values, fieldErrors: {}, formError: 'Your session has ended. Sign in again, then retry.' };
  if (problem.status === 404) return { values, fieldErrors: {}, formError: 'This product no longer exists.' };
  if (problem.status === 400) {
    const { fieldErrors, rest } = fieldErrorsOfProblem(problem);
    return {
      values,
      fieldErrors,
      ...(rest.length > 0 || Object.keys(fieldErrors).length === 0
        ? { formError: `The catalog refused the product: ${rest.join('; ') || problem.detail}` }
        : {}),
    };
  }
  return { values, fieldErrors: {}, formError: problem.detail };
}

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
function editedInput(product: CatalogProduct, fields: z.infer<typeof updateProductSchema>) {
  const { price } = primaryPrice(product);
  return {
    title: fields.title,
    description: fields.description,
    category: fields.category,
    brand: fields.brand,
    attributes: product.attributes,
    media: product.media,
    status: statusNumber(fields.status),
    skus: product.skus.map((sku, i) => ({
      skuId: sku.skuId,
      code: sku.code,
      options: sku.options,
      initialStock: [],
      prices: sku.prices.map((p) =>
        i === 0 && price && p.region === product.ownerRegion
          ? {
              region: p.region,
              price: {
                currencyCode: p.price?.currencyCode ?? '',
                amountMinor: toMinorUnits(fields.price, p.price?.currencyCode ?? '') ?? '',
              },
            }
          : p,
      ),
    })),
  };
}

export async function updateProduct(_previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const values = valuesOf(form, updateFieldNames);
  const allowed = await guard(form);
  if (!allowed.ok) return { values, fieldErrors: {}, formError: allowed.formError };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const productId = parseProductId(textOf(form, 'productId'));
  const expectedVersion = versionSchema.safeParse(form.get('expectedVersion'));
  if (!key.success || !productId || !expectedVersion.success)
    return { values, fieldErrors: {}, formError: FORM_EXPIRED };
  const parsed = updateProductSchema.safeParse(values);
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const current = await loadProduct(productId);
  if (!current.ok) return problemState(current.problem, values, '');
  const product = current.value.product;
  if (!product) return { values, fieldErrors: {}, formError: 'This product no longer exists.' };
  if (product.status === PRODUCT_STATUS.ARCHIVED)
    return {
      values,
      fieldErrors: {},
      formError: 'This product has been archived: it can no longer be edited.',
    };
  // Someone saved after this form was loaded: say so without sending anything (catalog would refuse too).
  if (product.version !== expectedVersion.data)
    return { values, fieldErrors: {}, conflict: { currentVersion: product.version } };
  const { price } = primaryPrice(product);
  if (price && parsed.data.price === '') return { values, fieldErrors: { price: PRICE_MESSAGE } };
  if (price && toMinorUnits(parsed.data.price, price.currencyCode) === undefined)
    return {
      values,
      fieldErrors: {
        price: `Enter a price in ${price.currencyCode} with at most ${currencyDigits(price.currencyCode) ?? 2} decimals.`,
      },
    };
  const result = await callCatalog(
    'updateProduct',
    {
      idempotencyKey: key.data,
      productId,
      expectedVersion: expectedVersion.data,
      product: editedInput(product, parsed.data),
    },
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
    return problemState(result.problem, values, product.ownerRegion);
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
