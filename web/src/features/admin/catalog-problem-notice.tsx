import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import type { CatalogProblem } from '@/server/catalog/catalog-client';

/** A read that failed, said plainly (catalog down, no permission for this region, …), never a stack trace. */
export function CatalogProblemNotice({ problem, retryHref }: { problem: CatalogProblem; retryHref: string }) {
  const message =
    problem.status === 503
      ? 'The catalog is unavailable right now, so products cannot be shown or changed. Please try again in a moment.'
      : problem.status === 403
        ? 'Your account does not administer the region that owns this product.'
        : problem.status === 401
          ? 'Your session has ended. Sign in again.'
          : problem.detail;
  return (
    <Alert variant="destructive">
      <p>{message}</p>
      <p className="mt-2">
        <Link href={retryHref} className="font-medium underline underline-offset-4">
          Try again
        </Link>
      </p>
    </Alert>
  );
}
