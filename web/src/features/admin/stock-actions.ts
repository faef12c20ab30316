'use server';

import { callCatalog } from '@/server/catalog/catalog-client';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import {
  FORM_EXPIRED,
  guard,
  idempotencyKeySchema,
  loadWritableProduct,
  problemState,
  textOf,
} from './admin-action-support';
import { parseProductId } from './admin-catalog';
import type { ProductFormState } from './product-form-state';
import { isStockFieldName, loadedFieldName, stockOfForm } from './sku-grid-schema';

/**
 * The stock form's action: CSRF first, then the signed-in admin, then every typed value checked (nothing is
 * written unless all are valid), then one `SetStock` per value that differs from what the page showed. Each
 * call's idempotency key is the rendered form's key (adr/0023) plus the SKU and region, so a repeated submit
 * of the same form replays instead of setting twice, and a correction after a refusal reuses what was saved.
 */
export async function saveStock(_previous: ProductFormState, form: FormData): Promise<ProductFormState> {
  const entries = [...form.keys()]
    .filter(isStockFieldName)
    .map((name) => [name, textOf(form, name)] as const);
  const values = Object.fromEntries(entries);
  const allowed = await guard(form);
  if (!allowed.ok) return { values, fieldErrors: {}, formError: allowed.formError };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const productId = parseProductId(textOf(form, 'productId'));
  if (!key.success || !productId) return { values, fieldErrors: {}, formError: FORM_EXPIRED };
  const writable = await loadWritableProduct(productId, values, 'its stock can no longer be set.');
  if (!writable.ok) return writable.state;
  const { product } = writable;
  const loaded = Object.fromEntries(
    entries.map(([name]) => [name, textOf(form, loadedFieldName(name))] as const),
  );
  const parsed = stockOfForm(product.skus, entries, loaded);
  if (!parsed.ok)
    return {
      values,
      fieldErrors: parsed.fieldErrors,
      ...(parsed.formError ? { formError: parsed.formError } : {}),
    };
  for (const change of parsed.changes) {
    const result = await callCatalog(
      'setStock',
      {
        idempotencyKey: `${key.data}:${change.skuId}:${change.region}`,
        skuId: change.skuId,
        region: change.region,
        available: String(change.available),
      },
      { authenticated: true },
    );
    if (!result.ok) {
      const saved = parsed.changes.indexOf(change);
      const state = await problemState(result.problem, values, product.ownerRegion);
      const notStocked = result.problem.code === 'Catalog.NotStocked';
      return {
        ...state,
        fieldErrors: notStocked
          ? { ...state.fieldErrors, [change.field]: 'This variant is not sold in this region any more.' }
          : state.fieldErrors,
        ...(saved > 0
          ? {
              formError: `${state.formError ?? 'Not every value was saved.'} The ${saved} value(s) before it were saved; submit again to save the rest.`,
            }
          : {}),
      };
    }
  }
  return redirectOnThisHost(`/admin/products/${productId}/stock?saved=${parsed.changes.length}`);
}
