import 'server-only';
import { cookies } from 'next/headers';
import { ACCESS_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';
import type { OrdersServiceService } from '@shopstream/proto/orders/v1/orders_service.js';
import { sidecarService, type RequestOf, type ResponseOf, type ServiceResult } from '../grpc/sidecar-grpc';
import { requestContext } from '../request-context';

/**
 * `orders`' OrdersService through the web app's sidecar (adr/0016): always as the signed-in user (the
 * access cookie as the bearer token; orders takes the tenant from it). Failures come back as values.
 */

type Definitions = typeof OrdersServiceService;
export type OrdersMethod = keyof Definitions;

export const ORDERS_UNAVAILABLE = 'Orders are unavailable right now. Please try again in a moment.';

const callOrdersService = sidecarService<Definitions>({
  appId: 'orders',
  load: async () => {
    const generated = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/proto/orders/v1/orders_service.js'
    );
    return { definitions: generated.OrdersServiceService, messages: generated };
  },
  unavailable: { code: 'Web.OrdersUnavailable', detail: ORDERS_UNAVAILABLE },
});

/** One OrdersService call as this request's user (the caller has checked that someone is signed in). */
export async function callOrders<M extends OrdersMethod>(
  method: M,
  request: Partial<RequestOf<Definitions, M>>,
  deadlineMs?: number,
): Promise<ServiceResult<ResponseOf<Definitions, M>>> {
  const accessToken = (await cookies()).get(ACCESS_COOKIE)?.value;
  return callOrdersAs(method, request, {
    tenantId: (await requestContext()).tenantId,
    ...(accessToken ? { accessToken } : {}),
    ...(deadlineMs === undefined ? {} : { deadlineMs }),
  });
}

/** The same with an explicit caller (the live order stream, which holds its token for its lifetime). */
export function callOrdersAs<M extends OrdersMethod>(
  method: M,
  request: Partial<RequestOf<Definitions, M>>,
  caller: { tenantId: string; accessToken?: string; deadlineMs?: number },
): Promise<ServiceResult<ResponseOf<Definitions, M>>> {
  return callOrdersService(method, request, caller);
}
