/** What the checkout's server action hands back (it redirects to the order page on success). */
export interface CheckoutFormState {
  readonly fieldErrors: Record<string, string>;
  readonly formError?: string;
}

export const emptyCheckoutFormState: CheckoutFormState = { fieldErrors: {} };
