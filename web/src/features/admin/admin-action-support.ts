import 'server-only';
import { z } from 'zod';
import type { CatalogProblem } from '@/server/catalog/catalog-client';
import { currentPrincipal, isCatalogAdmin } from '@/server/identity/session';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import { fieldErrorsOfProblem, loadProduct, type CatalogProduct, type SentSkus } from './admin-catalog';
import { PRODUCT_STATUS } from './catalog-format';
import type { ProductFormState } from './product-form-state';
import { isValidCsrfToken } from '@/server/identity/verify-csrf';
import { textOf } from '@/lib/form-fields';

/** What every back-office server action shares: reading the form, the guard, catalog problems as messages. */

export { idempotencyKeySchema, textOf } from '@/lib/form-fields';

export const valuesOf = (form: FormData, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, textOf(form, name)]));

export const versionSchema = z.string().regex(/^[1-9]\d{0,17}$/);

export const SESSION_CHANGED =
  'Your session changed since this page was loaded (for example, you signed in again in another tab). Reload the page and submit again; copy your text first if you need it.';
export const FORM_EXPIRED = 'This form is incomplete or outdated. Reload the page and try again.';

type Guard = { ok: true } | { ok: false; formError: string };

export async function guard(form: FormData): Promise<Guard> {
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
export async function problemState(
  problem: CatalogProblem,
  values: Record<string, string>,
  region: string,
  sent?: SentSkus,
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
    const { fieldErrors, rest } = fieldErrorsOfProblem(problem, sent);
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

/**
 * The product an action is about to change, read past the cache; or the form state to answer with when
 * catalog failed, the product is gone, or it is archived (`archived`: what can no longer be done).
 */
export async function loadWritableProduct(
  productId: string,
  values: Record<string, string>,
  archived: string,
): Promise<{ ok: true; product: CatalogProduct } | { ok: false; state: ProductFormState }> {
  const current = await loadProduct(productId);
  if (!current.ok) return { ok: false, state: await problemState(current.problem, values, '') };
  const product = current.value.product;
  if (!product)
    return { ok: false, state: { values, fieldErrors: {}, formError: 'This product no longer exists.' } };
  if (product.status === PRODUCT_STATUS.ARCHIVED)
    return {
      ok: false,
      state: { values, fieldErrors: {}, formError: `This product has been archived: ${archived}` },
    };
  return { ok: true, product };
}
