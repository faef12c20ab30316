import type { Order } from '@shopstream/proto/orders/v1/order.js';
import Link from 'next/link';
import { formatMoney } from '@/features/catalog/catalog-regions';
import { formatOrderTime, isoOf, stateLabel } from './order-format';

/** Orders newest first: id (a link), placed, state, total — and the shopper for the back office. */
export function OrdersTable({
  orders,
  hrefOf,
  showUser = false,
}: {
  orders: readonly Order[];
  hrefOf: (orderId: string) => string;
  showUser?: boolean;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="text-muted-foreground">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Order
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Placed
            </th>
            {showUser ? (
              <th scope="col" className="py-1 pr-2 font-medium">
                Shopper
              </th>
            ) : null}
            <th scope="col" className="py-1 pr-2 font-medium">
              State
            </th>
            <th scope="col" className="py-1 font-medium">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.orderId} className="border-t">
              <th scope="row" className="py-2 pr-2 font-mono text-xs font-normal">
                <Link href={hrefOf(order.orderId)} className="underline underline-offset-4">
                  {order.orderId.slice(0, 8)}
                </Link>
              </th>
              <td className="py-2 pr-2">{formatOrderTime(isoOf(order.createdAt))}</td>
              {showUser ? <td className="py-2 pr-2 font-mono text-xs">{order.userId.slice(0, 8)}</td> : null}
              <td className="py-2 pr-2" data-testid="order-row-state">
                {stateLabel(order.state)}
              </td>
              <td className="py-2">{order.total ? formatMoney(order.total) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
