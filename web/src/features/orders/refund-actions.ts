'use server';

import { idempotencyKeySchema, textOf } from '@/lib/form-fields';
import { isProductId as isUuid } from '@/features/catalog/product-id';
import { currentPrincipal, isOrdersAdmin } from '@/server/identity/session';
import { isValidCsrfToken } from '@/server/identity/verify-csrf';
import { callOrders } from '@/server/orders/orders-client';
import { redirectOnThisHost } from '@/server/same-site-redirect';
import type { CheckoutFormState as RefundFormState } from './checkout-form-state';

/**
 * An admin's full refund of a CONFIRMED order (orders' RefundOrder, which refunds through payments):
 * CSRF, the role, the explicit confirmation, then the rendered form's idempotency key (adr/0023).
 */
export async function refundOrder(_previous: RefundFormState, form: FormData): Promise<RefundFormState> {
  if (!(await isValidCsrfToken(form.get('csrf'))))
    return {
      fieldErrors: {},
      formError: 'Your session changed since this page was loaded. Reload the page.',
    };
  const principal = await currentPrincipal();
  if (!principal) return redirectOnThisHost('/sign-in');
  if (!isOrdersAdmin(principal))
    return { fieldErrors: {}, formError: 'Only order administrators can refund.' };
  const key = idempotencyKeySchema.safeParse(form.get('idempotencyKey'));
  const orderId = textOf(form, 'orderId');
  if (!key.success || !isUuid(orderId))
    return { fieldErrors: {}, formError: 'This form is outdated. Reload the page.' };
  if (form.get('confirm') !== 'yes')
    return { fieldErrors: { confirm: 'Tick the box to confirm the refund.' } };
  const result = await callOrders('refundOrder', { idempotencyKey: key.data, orderId }, 10_000);
  if (!result.ok) {
    const { code, detail, status } = result.problem;
    if (code === 'Orders.NotRefundable')
      return { fieldErrors: {}, formError: 'Only a confirmed order can be refunded.' };
    if (status === 403) return { fieldErrors: {}, formError: 'Only order administrators can refund.' };
    return { fieldErrors: {}, formError: detail };
  }
  return redirectOnThisHost(`/admin/orders/${orderId}?refunded=1`);
}
