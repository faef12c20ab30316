import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { signIn } from '@/features/auth/auth-actions';
import { AuthForm } from '@/features/auth/auth-form';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  registered: 'Your account was created. Sign in to continue.',
  '1': 'You are signed out.',
  everywhere: 'You are signed out on every device.',
  ended: 'Your session has ended. Sign in again.',
  deleted: 'Your account was deleted. Thank you for shopping with us.',
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const notice =
    params.registered === '1'
      ? notices.registered
      : params['account-deleted'] === '1'
        ? notices.deleted
        : typeof params['signed-out'] === 'string'
          ? notices[params['signed-out']]
          : undefined;
  return (
    <div className="mx-auto grid max-w-sm gap-6">
      <h1 className="text-2xl font-semibold">Sign in</h1>
      {notice ? <Alert role="status">{notice}</Alert> : null}
      <Card>
        <AuthForm
          action={signIn}
          submitLabel="Sign in"
          passwordAutoComplete="current-password"
          idempotencyKey={randomUUID()}
          {...(typeof params.next === 'string' ? { next: params.next } : {})}
        />
      </Card>
      <p className="text-sm text-muted-foreground">
        No account yet?{' '}
        <Link href="/sign-up" className="text-primary underline underline-offset-4">
          Sign up
        </Link>
      </p>
    </div>
  );
}
