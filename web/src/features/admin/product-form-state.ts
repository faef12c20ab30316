/** What a product form's server action hands back to the page. */
export interface ProductFormState {
  /** What the user typed, to render again (never lost on an error). */
  readonly values: Record<string, string>;
  readonly fieldErrors: Record<string, string>;
  readonly formError?: string;
  /** Someone else saved the product after this form was loaded: the version that is current now. */
  readonly conflict?: { readonly currentVersion: string };
}

export const emptyProductFormState: ProductFormState = { values: {}, fieldErrors: {} };
