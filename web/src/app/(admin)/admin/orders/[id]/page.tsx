import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { formatMoney } from '@/features/catalog/catalog-regions';
import { isProductId as isUuid } from '@/features/catalog/product-id';
import { outcomeText, stateLabel, transitionView } from '@/features/orders/order-format';
import { OrderSummary } from '@/features/orders/order-summary';
import { OrderTimeline } from '@/features/orders/order-timeline';
import { RefundForm } from '@/features/orders/refund-form';
import { ORDER_STATE } from '@/lib/order-enums';
import { requireOrdersAdmin } from '@/server/identity/require-admin';
import { csrfToken } from '@/server/identity/session';
import { callOrders } from '@/server/orders/orders-client';

export const metadata: Metadata = { title: 'Order · Back office' };

/** One order of the shop: its timeline (every state with its time), lines, and the refund. */
export default async function AdminOrderPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOrdersAdmin();
  const [{ id }, search] = await Promise.all([params, searchParams]);
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
      {search.refunded === '1' ? <Alert role="status">The order was refunded.</Alert> : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="text-muted-foreground">State</dt>
        <dd data-testid="admin-order-state">{stateLabel(order.state)}</dd>
        <dt className="text-muted-foreground">Outcome</dt>
        <dd>{outcomeText(order.state, order.failureReason)}</dd>
        <dt className="text-muted-foreground">Shopper</dt>
        <dd className="font-mono text-xs break-all">{order.userId}</dd>
        <dt className="text-muted-foreground">Payment</dt>
        <dd className="font-mono text-xs break-all">{order.paymentId || '—'}</dd>
        <dt className="text-muted-foreground">Workflow</dt>
        <dd className="font-mono text-xs break-all">{order.workflowId}</dd>
      </dl>
      <OrderTimeline transitions={order.transitions.map(transitionView)} />
      <OrderSummary order={order} />
      {order.state === ORDER_STATE.CONFIRMED && order.total ? (
        <RefundForm
          orderId={order.orderId}
          totalText={formatMoney(order.total)}
          idempotencyKey={randomUUID()}
          csrf={await csrfToken()}
        />
      ) : null}
      <p className="text-sm">
        <Link href="/admin/orders" className="underline underline-offset-4">
          All orders
        </Link>
      </p>
    </div>
  );
}
