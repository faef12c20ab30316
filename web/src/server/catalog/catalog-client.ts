import 'server-only';
import { cookies } from 'next/headers';
import { ACCESS_COOKIE } from '@shopstream/service-defaults/contracts/session-cookies';
import { requestContext } from '../request-context';
import {
  callCatalogAs,
  type CatalogMethod,
  type CatalogRequest,
  type CatalogResponse,
  type CatalogResult,
} from './catalog-transport';

export type {
  CatalogFieldProblem,
  CatalogMethod,
  CatalogProblem,
  CatalogRequest,
  CatalogResponse,
  CatalogResult,
} from './catalog-transport';

/**
 * `catalog`'s gRPC service through the web app's own sidecar (Dapr gRPC proxying, adr/0016): every call
 * carries `dapr-app-id`, `dapr-api-token`, the host's tenant and, when the browser has one, the access
 * cookie as a bearer token. Failures come back as values (never thrown) with the service's stable code.
 */

export interface CatalogCallOptions {
  /** Send the signed-in user's access token (admin calls). Reads go anonymous with the tenant only. */
  readonly authenticated?: boolean;
  /** `cache-control: no-cache`: read past catalog's Redis cache (right after an edit). */
  readonly noCache?: boolean;
  readonly deadlineMs?: number;
}

export async function callCatalog<M extends CatalogMethod>(
  method: M,
  request: Partial<CatalogRequest<M>>,
  options: CatalogCallOptions = {},
): Promise<CatalogResult<CatalogResponse<M>>> {
  const accessToken =
    options.authenticated === true ? (await cookies()).get(ACCESS_COOKIE)?.value : undefined;
  return callCatalogAs(method, request, {
    tenantId: (await requestContext()).tenantId,
    ...(accessToken ? { accessToken } : {}),
    ...(options.noCache === undefined ? {} : { noCache: options.noCache }),
    ...(options.deadlineMs === undefined ? {} : { deadlineMs: options.deadlineMs }),
  });
}
