import type { Metadata } from 'next';
import Link from 'next/link';
import { signUp } from '@/features/auth/auth-actions';
import { AuthForm } from '@/features/auth/auth-form';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Sign up' };

export default function SignUpPage() {
  return (
    <div className="mx-auto grid max-w-sm gap-6">
      <h1 className="text-2xl font-semibold">Create an account</h1>
      <Card>
        <AuthForm action={signUp} submitLabel="Sign up" passwordAutoComplete="new-password" />
      </Card>
      <p className="text-sm text-muted-foreground">
        Already registered?{' '}
        <Link href="/sign-in" className="text-primary underline underline-offset-4">
          Sign in
        </Link>
      </p>
    </div>
  );
}
