'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { emptyCartFormState, type CartFormState } from './cart-form-state';

type CartAction = (previous: CartFormState, form: FormData) => Promise<CartFormState>;

/**
 * A cart form bound to its server action: the key to submit with (the rendered one until an answer names
 * the next, adr/0023), and one submit at a time — a second click while the first is pending is dropped,
 * a replay that still gets through is the same key (orders answers it once). Submitting from `onSubmit`
 * keeps what was typed (React resets a form after an action); without JavaScript the form posts the action.
 */
export function useCartForm(action: CartAction, renderedKey: string) {
  const [state, formAction, pending] = useActionState(action, emptyCartFormState);
  const key = state.key ?? renderedKey;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, formAction, pending, key, submit };
}
