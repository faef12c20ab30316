import type { Order } from '@shopstream/proto/orders/v1/order.js';
import { formatMoney } from '@/features/catalog/catalog-regions';
import { LineList } from './line-list';
import { formatOrderTime, isoOf } from './order-format';

/** An order's lines, total and placing time. */
export function OrderSummary({ order }: { order: Order }) {
  return (
    <section aria-labelledby="order-lines-title" className="grid gap-2">
      <h2 id="order-lines-title" className="text-lg font-semibold">
        Items
      </h2>
      <LineList lines={order.lines} />
      <p className="flex justify-between border-t pt-2 font-semibold">
        <span>Total</span>
        <span data-testid="order-total">{order.total ? formatMoney(order.total) : '—'}</span>
      </p>
      <p className="text-sm text-muted-foreground">Placed {formatOrderTime(isoOf(order.createdAt))}</p>
    </section>
  );
}
