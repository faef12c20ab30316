'use server';

import { randomUUID } from 'node:crypto';
import { refresh } from 'next/cache';
import { idempotencyKeySchema, textOf } from '@/lib/form-fields';
import {
  callCart,
  currentShopper,
  isBadCartToken,
  keepCartToken,
  type Shopper,
} from '@/server/cart/cart-client';
import { isValidCsrfToken } from '@/server/identity/verify-csrf';
import type { CartFormState } from './cart-form-state';
import { CART_FORM_EXPIRED, CART_SESSION_CHANGED, cartProblemState } from './cart-messages';
import { addItemSchema, lineSchema, setQuantitySchema } from './cart-schemas';

/**
 * The cart's server actions (adr/0055). Each one: the form's idempotency key (drawn when the form was
 * rendered, adr/0023), the CSRF check when signed in (the bearer token names the user's cart; an anonymous
 * cart is named by its SameSite cookie and guarded by the proxy's Origin check), zod, then CartService.
 * A success refreshes the page (header count, cart page) and hands the form a new key.
 */

type Guarded = { ok: true; shopper: Shopper; key: string } | { ok: false; state: CartFormState };

async function guard(form: FormData, values: Record<string, string>): Promise<Guarded> {
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  if (!key.success) return { ok: false, state: { values, fieldErrors: {}, formError: CART_FORM_EXPIRED } };
  const shopper = await currentShopper();
  if (shopper.accessToken !== undefined && !(await isValidCsrfToken(form.get('csrf'))))
    return { ok: false, state: { values, fieldErrors: {}, formError: CART_SESSION_CHANGED, key: key.data } };
  return { ok: true, shopper, key: key.data };
}

const fieldErrorsOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((i) => [String(i.path[0] ?? 'form'), i.message]));

const done = (notice: string): CartFormState => {
  refresh();
  return { values: {}, fieldErrors: {}, notice, key: randomUUID() };
};

/** An error keeps the form's key. */
const failed = (state: CartFormState, key: string): CartFormState => ({ ...state, key });

export async function addToCart(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const values = {
    productId: textOf(form, 'productId'),
    skuId: textOf(form, 'skuId'),
    region: textOf(form, 'region'),
    quantity: textOf(form, 'quantity'),
  };
  const guarded = await guard(form, values);
  if (!guarded.ok) return guarded.state;
  const parsed = addItemSchema.safeParse(values);
  if (!parsed.success)
    return failed({ values, fieldErrors: fieldErrorsOf(parsed.error.issues) }, guarded.key);
  const request = { idempotencyKey: guarded.key, ...parsed.data };
  let result = await callCart('addItem', request, guarded.shopper);
  if (!result.ok && guarded.shopper.cartToken !== undefined && isBadCartToken(result.problem)) {
    // The cookie names no cart orders accepts (forged, another shop's, an old secret): start a new cart.
    const fresh: Shopper = { tenantId: guarded.shopper.tenantId };
    result = await callCart('addItem', { ...request, idempotencyKey: `${guarded.key}-new` }, fresh);
  }
  if (!result.ok) return failed(cartProblemState(result.problem, values), guarded.key);
  if (guarded.shopper.accessToken === undefined) await keepCartToken(result.value.cartToken);
  const line = result.value.cart?.lines.find(
    (l) => l.skuId === parsed.data.skuId && l.region === parsed.data.region,
  );
  return done(`Added ${parsed.data.quantity} × ${line?.title ?? 'this item'} to your cart.`);
}

export async function setCartQuantity(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const values = {
    skuId: textOf(form, 'skuId'),
    region: textOf(form, 'region'),
    quantity: textOf(form, 'quantity'),
  };
  const guarded = await guard(form, values);
  if (!guarded.ok) return guarded.state;
  const parsed = setQuantitySchema.safeParse(values);
  if (!parsed.success)
    return failed({ values, fieldErrors: fieldErrorsOf(parsed.error.issues) }, guarded.key);
  const result = await callCart(
    'setQuantity',
    { idempotencyKey: guarded.key, ...parsed.data },
    guarded.shopper,
  );
  if (!result.ok) return failed(cartProblemState(result.problem, values), guarded.key);
  return done(`Quantity set to ${parsed.data.quantity}.`);
}

export async function removeCartLine(_previous: CartFormState, form: FormData): Promise<CartFormState> {
  const values = { skuId: textOf(form, 'skuId'), region: textOf(form, 'region') };
  const guarded = await guard(form, values);
  if (!guarded.ok) return guarded.state;
  const parsed = lineSchema.safeParse(values);
  if (!parsed.success) return failed({ values, fieldErrors: {}, formError: CART_FORM_EXPIRED }, guarded.key);
  const result = await callCart(
    'removeItem',
    { idempotencyKey: guarded.key, ...parsed.data },
    guarded.shopper,
  );
  if (!result.ok) return failed(cartProblemState(result.problem, values), guarded.key);
  return done('Removed from your cart.');
}
