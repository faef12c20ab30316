'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyCheckoutFormState } from './checkout-form-state';
import { refundOrder } from './refund-actions';

interface RefundFormProps {
  readonly orderId: string;
  readonly totalText: string;
  readonly idempotencyKey: string;
  readonly csrf: string;
}

/** A full refund, confirmed with an explicit tick; one submit at a time. */
export function RefundForm({ orderId, totalText, idempotencyKey, csrf }: RefundFormProps) {
  const [state, formAction, pending] = useActionState(refundOrder, emptyCheckoutFormState);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  const confirmError = state.fieldErrors.confirm;
  return (
    <form action={formAction} onSubmit={submit} className="grid gap-3 rounded-md border p-4">
      <h2 className="text-lg font-semibold">Refund</h2>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="orderId" value={orderId} />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="confirm"
          value="yes"
          className="mt-1"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={confirmError ? 'confirm-error' : undefined}
        />
        <span>I confirm a full refund of {totalText} to the shopper. This cannot be undone.</span>
      </label>
      {confirmError ? (
        <p id="confirm-error" className="text-sm text-destructive">
          {confirmError}
        </p>
      ) : null}
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <Button type="submit" variant="destructive" disabled={pending} className="justify-self-start">
        {pending ? 'Refunding…' : `Refund ${totalText}`}
      </Button>
    </form>
  );
}
