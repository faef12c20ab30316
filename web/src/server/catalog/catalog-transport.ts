import type { CatalogServiceService } from '@shopstream/proto/catalog/v1/catalog_service.js';
import {
  sidecarService,
  type FieldProblem,
  type RequestOf,
  type ResponseOf,
  type ServiceProblem,
  type ServiceResult,
} from '../grpc/sidecar-grpc';

/**
 * The transport under `callCatalog` (catalog-client.ts): one gRPC call to `catalog` through the web app's
 * own sidecar with an explicit tenant and optional token. It reads no request state (no `next/headers`),
 * so the proxy can use it too (src/proxy.ts: the product pages' 404 before streaming starts).
 */

type Definitions = typeof CatalogServiceService;
export type CatalogMethod = keyof Definitions;
export type CatalogRequest<M extends CatalogMethod> = RequestOf<Definitions, M>;
export type CatalogResponse<M extends CatalogMethod> = ResponseOf<Definitions, M>;
export type CatalogFieldProblem = FieldProblem;
/** `code` is catalog's `x-error-code` or `Web.CatalogUnavailable`. */
export type CatalogProblem = ServiceProblem;
export type CatalogResult<T> = ServiceResult<T>;

const callCatalogService = sidecarService<Definitions>({
  appId: 'catalog',
  load: async () => {
    const generated = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/proto/catalog/v1/catalog_service.js'
    );
    return { definitions: generated.CatalogServiceService, messages: generated };
  },
  unavailable: {
    code: 'Web.CatalogUnavailable',
    detail: 'The catalog is unavailable right now. Please try again in a moment.',
  },
});

export interface CatalogCaller {
  readonly tenantId: string;
  /** The user's access token, sent as `authorization: Bearer …`. */
  readonly accessToken?: string;
  readonly noCache?: boolean;
  readonly deadlineMs?: number;
}

export function callCatalogAs<M extends CatalogMethod>(
  method: M,
  request: Partial<CatalogRequest<M>>,
  caller: CatalogCaller,
): Promise<CatalogResult<CatalogResponse<M>>> {
  return callCatalogService(method, request, {
    tenantId: caller.tenantId,
    ...(caller.accessToken ? { accessToken: caller.accessToken } : {}),
    ...(caller.deadlineMs === undefined ? {} : { deadlineMs: caller.deadlineMs }),
    ...(caller.noCache === true ? { metadata: { 'cache-control': 'no-cache' } } : {}),
  });
}
