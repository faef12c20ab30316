import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { OrdersTable } from '@/features/orders/orders-table';
import { currentPrincipal } from '@/server/identity/session';
import { callOrders } from '@/server/orders/orders-client';

export const metadata: Metadata = { title: 'Your orders' };

const PAGE_SIZE = 20;

/** The shopper's own orders, newest first, in cursor pages (`?page=` is orders' token). */
export default async function OrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await currentPrincipal())) redirect('/sign-in?next=/orders');
  const page = (await searchParams).page;
  const pageToken = typeof page === 'string' && page.length <= 500 ? page : '';
  const result = await callOrders('listOrders', { page: { pageSize: PAGE_SIZE, pageToken } });
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Your orders</h1>
      {!result.ok ? (
        <Alert>
          {result.problem.status === 400 ? 'That page link was not valid.' : result.problem.detail}
        </Alert>
      ) : result.value.orders.length === 0 ? (
        <p>
          No orders yet.{' '}
          <Link href="/products" className="text-primary underline underline-offset-4">
            Browse the catalog
          </Link>
        </p>
      ) : (
        <>
          <OrdersTable orders={result.value.orders} hrefOf={(id) => `/orders/${id}`} />
          {result.value.page?.nextPageToken ? (
            <Link
              href={`/orders?page=${encodeURIComponent(result.value.page.nextPageToken)}`}
              className={buttonVariants({ variant: 'outline' })}
            >
              Older orders
            </Link>
          ) : null}
        </>
      )}
    </div>
  );
}
