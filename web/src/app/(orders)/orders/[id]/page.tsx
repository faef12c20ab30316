import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { isProductId as isUuid } from '@/features/catalog/product-id';
import { transitionView } from '@/features/orders/order-format';
import { OrderLive } from '@/features/orders/order-live';
import { OrderSummary } from '@/features/orders/order-summary';
import { currentPrincipal } from '@/server/identity/session';
import { callOrders } from '@/server/orders/orders-client';

export const metadata: Metadata = { title: 'Order' };

/** One of the shopper's orders: lines, total, and its state and timeline, live (adr/0056). */
export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!(await currentPrincipal())) redirect('/sign-in?next=/orders');
  if (!isUuid(id)) notFound();
  const result = await callOrders('getOrder', { orderId: id });
  if (!result.ok && result.problem.status === 404) notFound();
  const heading = <h1 className="text-2xl font-semibold">Order {id.slice(0, 8)}</h1>;
  if (!result.ok || !result.value.order)
    return (
      <div className="grid gap-6">
        {heading}
        <Alert>{result.ok ? 'This order could not be read.' : result.problem.detail}</Alert>
      </div>
    );
  const order = result.value.order;
  return (
    <div className="grid max-w-2xl gap-6">
      {heading}
      <OrderLive orderId={order.orderId} initial={order.transitions.map(transitionView)} />
      <OrderSummary order={order} />
      <p className="text-sm">
        <Link href="/orders" className="underline underline-offset-4">
          All your orders
        </Link>
      </p>
    </div>
  );
}
