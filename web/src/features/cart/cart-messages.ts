import type { ServiceProblem } from '@/server/grpc/sidecar-grpc';
import type { CartFormState } from './cart-form-state';

export const CART_SESSION_CHANGED =
  'Your session changed since this page was loaded (for example, you signed in or out in another tab). Reload the page and try again.';
export const CART_FORM_EXPIRED = 'This form is incomplete or outdated. Reload the page and try again.';

/** orders' coded cart errors as what a shopper reads, at the field they are about when there is one. */
export function cartProblemState(problem: ServiceProblem, values: Record<string, string>): CartFormState {
  const at = (field: string, message: string): CartFormState => ({
    values,
    fieldErrors: { [field]: message },
  });
  const form = (message: string): CartFormState => ({ values, fieldErrors: {}, formError: message });
  switch (problem.code) {
    case 'Cart.NotAvailable': {
      // orders' field detail says how many ("only 3 available") when it carries it.
      const detail = problem.errors.find((e) => e.field === 'quantity')?.detail;
      return at('quantity', detail ? `Not enough stock: ${detail}.` : 'Not enough stock for this quantity.');
    }
    case 'Cart.QuantityTooHigh':
      return at('quantity', 'A cart line holds at most 99 units.');
    case 'Cart.InvalidAddItem':
      return problem.errors.some((e) => e.field === 'quantity')
        ? at('quantity', 'Enter a quantity from 1 to 99.')
        : form('This variant cannot be added. Reload the page and try again.');
    case 'Cart.NotSoldInRegion':
      return form('This variant is not sold in this region.');
    case 'Cart.NoLongerSold':
      return form('This product is no longer sold.');
    case 'Cart.UnknownSku':
    case 'Cart.UnknownProduct':
      return form('This product or variant does not exist any more.');
    case 'Cart.TooManyLines':
      return form('Your cart is full (at most 50 different items). Remove something first.');
    case 'Cart.LineNotFound':
      return form('This item is no longer in your cart. Reload the page to see your cart as it is.');
    case 'Idempotency.KeyReused':
      return form('This form was already submitted with other values. Reload the page to start again.');
    case 'Idempotency.InProgress':
      return form('This change is still being processed. Try again in a moment.');
    default:
      break;
  }
  if (problem.status === 401) return form('Your session has ended. Sign in again.');
  return form(problem.detail);
}
