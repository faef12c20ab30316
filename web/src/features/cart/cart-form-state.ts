/** What a cart form's server action hands back (add to cart, change quantity, remove). */
export interface CartFormState {
  /** What the user typed, rendered again on an error. */
  readonly values: Record<string, string>;
  readonly fieldErrors: Record<string, string>;
  readonly formError?: string;
  /** A success, said in a live region ("Added 2 × Arc lamp to your cart."). */
  readonly notice?: string;
  /**
   * The idempotency key of the form's next submit (adr/0023): a new one after a success (the form now stands
   * for a new change), the same after an error (nothing was written, a corrected resubmit may reuse it).
   */
  readonly key?: string;
}

export const emptyCartFormState: CartFormState = { values: {}, fieldErrors: {} };
