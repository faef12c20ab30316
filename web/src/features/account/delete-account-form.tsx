'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '../auth/form-state';
import { FormField } from './form-field';
import { deleteAccount } from './password-actions';

/** Deleting needs the password and an explicit tick; nothing is deleted on a wrong password. */
export function DeleteAccountForm({ csrf }: { readonly csrf: string }) {
  const [state, formAction, pending] = useActionState(deleteAccount, emptyFormState);
  const confirmError = state.fieldErrors.confirm;
  return (
    <form action={formAction} noValidate className="mt-4 grid max-w-md gap-4">
      <input type="hidden" name="csrf" value={csrf} />
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <FormField
        id="deletePassword"
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.password}
      />
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm" htmlFor="confirmDelete">
          <input
            id="confirmDelete"
            name="confirm"
            type="checkbox"
            className="size-4"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? 'confirmDelete-error' : undefined}
          />
          I understand that my account and sign-in data are deleted for good.
        </label>
        {confirmError ? (
          <p id="confirmDelete-error" className="text-sm text-destructive">
            {confirmError}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="destructive" disabled={pending} className="justify-self-start">
        {pending ? 'Please wait…' : 'Delete my account'}
      </Button>
    </form>
  );
}
