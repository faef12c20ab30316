'use client';

import { startTransition, useActionState, useState, type FormEvent } from 'react';
import { emptyProductFormState, type ProductFormState } from './product-form-state';

/** What a blur check needs of a zod schema. */
export interface FieldSchema {
  safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } };
}

type FormAction = (previous: ProductFormState, form: FormData) => Promise<ProductFormState>;

/**
 * A back-office form bound to a server action: the action's state, blur checks for comfort (kept only for
 * the server answer they were made against: a new answer replaces them), the message of a field (blur check
 * first, then the server's), and a submit that hands the FormData to the action from `onSubmit`. Submitting
 * from `onSubmit` rather than `<form action>` keeps what was typed: React resets a form after an action.
 */
export function useActionForm(action: FormAction) {
  const [state, formAction, pending] = useActionState(action, emptyProductFormState);
  const [checked, setChecked] = useState<{ for: ProductFormState; errors: Record<string, string | null> }>({
    for: state,
    errors: {},
  });
  const clientErrors = checked.for === state ? checked.errors : {};

  const errorOf = (name: string): string | undefined => {
    const local = clientErrors[name];
    return local !== undefined ? (local ?? undefined) : state.fieldErrors[name];
  };

  const check = (name: string, value: string, schema: FieldSchema | undefined) => {
    if (!schema) return;
    const result = schema.safeParse(value);
    const message = result.success ? null : (result.error?.issues[0]?.message ?? null);
    setChecked((prev) => ({
      for: state,
      errors: { ...(prev.for === state ? prev.errors : {}), [name]: message },
    }));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };

  return { state, pending, errorOf, check, submit };
}
