import { cookies } from 'next/headers';
import { ACCESS_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';
import { isProductId as isUuid } from '@/features/catalog/product-id';
import { currentPrincipal } from '@/server/identity/session';
import { callOrdersAs } from '@/server/orders/orders-client';
import { orderEventStream } from '@/server/orders/order-stream';
import { requestContext } from '@/server/request-context';

export const dynamic = 'force-dynamic';

const problem = (status: number, code: string, detail: string) =>
  Response.json(
    { type: `urn:shopstream:problem:${code}`, title: detail, status, detail, code },
    { status, headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' } },
  );

/** The order page's live states (adr/0056): Server-Sent Events, resumable with Last-Event-ID. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!isUuid(id)) return problem(404, 'Web.OrderNotFound', 'No such order.');
  if (!(await currentPrincipal())) return problem(401, 'Web.SignInRequired', 'Sign in to follow your order.');
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value ?? '';
  const { tenantId } = await requestContext();
  const lastEventId =
    request.headers.get('last-event-id') ?? new URL(request.url).searchParams.get('after') ?? '';
  const after = /^\d{1,9}$/.test(lastEventId) ? Number(lastEventId) : 0;
  const stream = orderEventStream({
    getOrder: () => callOrdersAs('getOrder', { orderId: id }, { tenantId, accessToken, deadlineMs: 2_000 }),
    after,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform: Next's compression leaves the stream alone, so each event is flushed as it is written.
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
