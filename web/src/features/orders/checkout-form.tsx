'use client';

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { placeOrder } from './checkout-actions';
import { emptyCheckoutFormState } from './checkout-form-state';
import { TEST_PAYMENT_METHODS } from './test-payment-methods';

interface CheckoutFormProps {
  readonly idempotencyKey: string;
  readonly csrf: string;
  /** Cart.revision of the rendered page: orders refuses the order if the cart changed since. */
  readonly cartRevision: string;
  /** "€60.00" */
  readonly totalText: string;
}

/**
 * The one submit of a checkout: the key was drawn when the page rendered (a double click, a retried POST
 * or the back button and a resubmit all carry it: one order, adr/0023); a click while one is pending is
 * dropped, and after the first success the form never submits again (the browser is on its way to the
 * order page).
 */
export function CheckoutForm({ idempotencyKey, csrf, cartRevision, totalText }: CheckoutFormProps) {
  const [state, formAction, pending] = useActionState(placeOrder, emptyCheckoutFormState);
  const submitted = useRef(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending || submitted.current) return;
    submitted.current = true;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  // An answer came back (an error: a success navigates away): the shopper may correct and submit again.
  useEffect(() => {
    submitted.current = false;
  }, [state]);
  const methodError = state.fieldErrors.paymentMethod;
  return (
    <form action={formAction} onSubmit={submit} className="grid gap-4">
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="cartRevision" value={cartRevision} />
      <fieldset
        className="grid gap-3 rounded-md border p-4"
        aria-describedby={methodError ? 'payment-method-error' : 'test-mode-note'}
      >
        <legend className="px-1 font-semibold">
          Payment method <span className="rounded bg-muted px-2 py-0.5 text-xs font-bold">TEST MODE</span>
        </legend>
        <p id="test-mode-note" className="text-sm text-muted-foreground">
          This shop runs against a Stripe test emulator: no real card is charged. Choose how the test payment
          should go.
        </p>
        {TEST_PAYMENT_METHODS.map((method, index) => (
          <label key={method.id} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="paymentMethod"
              value={method.id}
              defaultChecked={index === 0}
              className="mt-1"
            />
            <span>
              {method.label} <span className="font-mono text-xs text-muted-foreground">({method.id})</span>
              {'note' in method ? (
                <span className="block text-xs text-muted-foreground">{method.note}</span>
              ) : null}
            </span>
          </label>
        ))}
        {methodError ? (
          <p id="payment-method-error" className="text-sm text-destructive">
            {methodError}
          </p>
        ) : null}
      </fieldset>
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? 'Placing your order…' : `Place order (${totalText})`}
      </Button>
    </form>
  );
}
