'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { emptyFormState } from '../auth/form-state';
import { FormField } from './form-field';
import { changePassword } from './password-actions';

/** Current + new password (twice); checked on the server, messages next to their fields. */
export function ChangePasswordForm({ csrf }: { readonly csrf: string }) {
  const [state, formAction, pending] = useActionState(changePassword, emptyFormState);
  return (
    <form action={formAction} noValidate className="mt-4 grid max-w-md gap-4">
      <input type="hidden" name="csrf" value={csrf} />
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <FormField
        id="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        required
        error={state.fieldErrors.currentPassword}
      />
      <FormField
        id="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={8}
        error={state.fieldErrors.newPassword}
      />
      <FormField
        id="confirmPassword"
        label="Repeat the new password"
        type="password"
        autoComplete="new-password"
        required
        error={state.fieldErrors.confirmPassword}
      />
      <Button type="submit" variant="outline" disabled={pending} className="justify-self-start">
        {pending ? 'Please wait…' : 'Change password'}
      </Button>
    </form>
  );
}
