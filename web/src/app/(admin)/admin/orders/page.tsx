import type { Metadata } from 'next';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { parseAdminOrdersQuery } from '@/features/orders/admin-orders-query';
import { stateLabel } from '@/features/orders/order-format';
import { OrdersTable } from '@/features/orders/orders-table';
import { ORDER_STATE } from '@/lib/order-enums';
import { requireOrdersAdmin } from '@/server/identity/require-admin';
import { callOrders } from '@/server/orders/orders-client';

export const metadata: Metadata = { title: 'Orders · Back office' };

const PAGE_SIZE = 20;
const timestamp = (d: Date) => ({ seconds: String(Math.floor(d.getTime() / 1000)), nanos: 0 });

/** Every order of the shop (admins: `orders.admin` or the tenant admin flag), filtered by state and date. */
export default async function AdminOrdersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireOrdersAdmin();
  const query = parseAdminOrdersQuery(await searchParams);
  const invalid = Object.keys(query.errors).length > 0;
  const list = invalid
    ? undefined
    : await callOrders('listOrders', {
        allUsers: true,
        states: query.states,
        ...(query.createdAfter ? { createdAfter: timestamp(query.createdAfter) } : {}),
        ...(query.createdBefore ? { createdBefore: timestamp(query.createdBefore) } : {}),
        page: { pageSize: PAGE_SIZE, pageToken: query.pageToken },
      });
  const filters = new URLSearchParams(
    Object.entries({ state: query.state, from: query.from, to: query.to }).filter(([, v]) => v !== ''),
  );
  const fieldError = (name: 'state' | 'from' | 'to') =>
    query.errors[name] ? (
      <p id={`${name}-error`} className="text-sm text-destructive">
        {query.errors[name]}
      </p>
    ) : null;
  const described = (name: 'state' | 'from' | 'to') =>
    query.errors[name] ? { 'aria-invalid': true, 'aria-describedby': `${name}-error` } : {};
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Back office: orders</h1>
      <form method="get" action="/admin/orders" className="flex flex-wrap items-end gap-3">
        <div className="grid gap-2">
          <Label htmlFor="state-filter">State</Label>
          <NativeSelect
            id="state-filter"
            name="state"
            defaultValue={query.state}
            className="w-56"
            {...described('state')}
          >
            <option value="">Every state</option>
            {Object.entries(ORDER_STATE)
              .filter(([name]) => name !== 'UNSPECIFIED')
              .map(([name, value]) => (
                <option key={name} value={name.toLowerCase()}>
                  {stateLabel(value)}
                </option>
              ))}
          </NativeSelect>
          {fieldError('state')}
        </div>
        <div className="grid gap-2">
          <Label htmlFor="from-filter">Placed from (UTC)</Label>
          <Input
            id="from-filter"
            name="from"
            type="date"
            defaultValue={query.from}
            className="w-44"
            {...described('from')}
          />
          {fieldError('from')}
        </div>
        <div className="grid gap-2">
          <Label htmlFor="to-filter">Placed until (UTC)</Label>
          <Input
            id="to-filter"
            name="to"
            type="date"
            defaultValue={query.to}
            className="w-44"
            {...described('to')}
          />
          {fieldError('to')}
        </div>
        <Button type="submit" variant="outline">
          Filter
        </Button>
      </form>
      {invalid ? (
        <Alert variant="destructive">Some filters are not valid: correct them above to see orders.</Alert>
      ) : !list?.ok ? (
        <Alert>{list?.problem.status === 400 ? 'That page link was not valid.' : list?.problem.detail}</Alert>
      ) : list.value.orders.length === 0 ? (
        <p>No orders match these filters.</p>
      ) : (
        <>
          <OrdersTable orders={list.value.orders} hrefOf={(id) => `/admin/orders/${id}`} showUser />
          {list.value.page?.nextPageToken ? (
            <Link
              href={`/admin/orders?${new URLSearchParams([...filters, ['page', list.value.page.nextPageToken]])}`}
              className={buttonVariants({ variant: 'outline' })}
            >
              Next page
            </Link>
          ) : null}
        </>
      )}
    </div>
  );
}
