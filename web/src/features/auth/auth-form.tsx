'use client';

import { useActionState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { emptyFormState, type FormState } from './form-state';

interface AuthFormProps {
  readonly action: (previous: FormState, form: FormData) => Promise<FormState>;
  readonly submitLabel: string;
  readonly passwordAutoComplete: 'current-password' | 'new-password';
  /** The rendered form's idempotency key (sign-in: the cart merge, adr/0055). */
  readonly idempotencyKey?: string;
  /** Where to go after signing in (a path of this site the action accepts). */
  readonly next?: string;
}

/** Email + password, validated on the server; field messages tied to their inputs; email kept on error. */
export function AuthForm({ action, submitLabel, passwordAutoComplete, idempotencyKey, next }: AuthFormProps) {
  const [state, formAction, pending] = useActionState(action, emptyFormState);
  const emailError = state.fieldErrors.email;
  const passwordError = state.fieldErrors.password;
  return (
    <form action={formAction} noValidate className="grid gap-4">
      {idempotencyKey ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <div className="grid gap-2">
        <Label htmlFor="email">Email</Label>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={state.values.email ?? ''}
          key={`email-${state.values.email ?? ''}`}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : undefined}
        />
        {emailError ? (
          <p id="email-error" className="text-sm text-destructive">
            {emailError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="password">Password</Label>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete={passwordAutoComplete}
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
        />
        {passwordError ? (
          <p id="password-error" className="text-sm text-destructive">
            {passwordError}
          </p>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? 'Please wait…' : submitLabel}
      </Button>
    </form>
  );
}
