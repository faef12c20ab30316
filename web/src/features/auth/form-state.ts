/** What a server-validated form hands back to the page: field messages and the values to keep. */
export interface FormState {
  readonly values: Record<string, string>;
  readonly fieldErrors: Record<string, string>;
  readonly formError?: string;
}

export const emptyFormState: FormState = { values: {}, fieldErrors: {} };
