'use server';

import { idempotencyKeySchema, textOf } from '@/lib/form-fields';
import { currentPrincipal } from '@/server/identity/session';
import { isValidCsrfToken } from '@/server/identity/verify-csrf';
import type { ServiceProblem } from '@/server/grpc/sidecar-grpc';
import { callOrders } from '@/server/orders/orders-client';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import type { CheckoutFormState } from './checkout-form-state';
import { isTestPaymentMethod } from './test-payment-methods';

const RELOAD = 'Reload the page to check out with your cart as it is now.';

/** orders' CreateOrder refusals as what the shopper reads. */
function problemMessage(problem: ServiceProblem): CheckoutFormState {
  const form = (formError: string): CheckoutFormState => ({ fieldErrors: {}, formError });
  switch (problem.code) {
    case 'Orders.CartChanged':
      return form(`Your cart changed since this page was loaded. ${RELOAD}`);
    case 'Orders.CartEmpty':
      return form('Your cart is empty.');
    case 'Orders.CartNotBuyable':
      return form('Some items in your cart cannot be bought as they are now. Review your cart first.');
    case 'Orders.MixedCurrencies':
      return form('An order is paid in one currency: keep items of one region in your cart.');
    case 'Idempotency.KeyReused':
      return form(`This checkout was already submitted with other choices. ${RELOAD}`);
    case 'Idempotency.InProgress':
      return form('Your order is still being placed. Wait a moment and try again.');
    default:
      break;
  }
  if (problem.errors.some((e) => /^payment_?method/i.test(e.field)))
    return { fieldErrors: { paymentMethod: 'This payment method is not accepted here.' } };
  if (problem.status === 401) return form('Your session has ended. Sign in again.');
  return form(problem.detail);
}

/**
 * Places the order (adr/0023, adr/0056): the rendered form's idempotency key, the cart revision the page
 * showed, the chosen test payment method. A replay of the same key answers with the same order, so a
 * double submit or a retried POST lands on one order page.
 */
export async function placeOrder(_previous: CheckoutFormState, form: FormData): Promise<CheckoutFormState> {
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  if (!key.success) return { fieldErrors: {}, formError: `This form is outdated. ${RELOAD}` };
  if (!(await currentPrincipal())) return redirectOnThisHost('/sign-in?next=/checkout');
  if (!(await isValidCsrfToken(form.get('csrf'))))
    return { fieldErrors: {}, formError: `Your session changed since this page was loaded. ${RELOAD}` };
  const paymentMethodId = textOf(form, 'paymentMethod');
  if (!isTestPaymentMethod(paymentMethodId))
    return { fieldErrors: { paymentMethod: 'Choose one of the payment methods.' } };
  const revision = textOf(form, 'cartRevision');
  const result = await callOrders('createOrder', {
    idempotencyKey: key.data,
    paymentMethodId,
    expectedCartRevision: /^\d{1,18}$/.test(revision) ? revision : '0',
  });
  if (!result.ok) return problemMessage(result.problem);
  const orderId = result.value.order?.orderId ?? '';
  return redirectOnThisHost(`/orders/${orderId}`);
}
