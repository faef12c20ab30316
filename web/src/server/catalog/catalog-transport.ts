import type * as GrpcJs from '@grpc/grpc-js';
import type { Client, Metadata, ServiceError } from '@grpc/grpc-js';
import type { CatalogServiceService } from '@shopstream/proto/catalog/v1/catalog_service.js';
import { webConfig } from '../config';

/**
 * The transport under `callCatalog` (catalog-client.ts): one gRPC call to `catalog` through the web app's
 * own sidecar with an explicit tenant and optional token. It reads no request state (no `next/headers`),
 * so the proxy can use it too (src/proxy.ts: the product pages' 404 before streaming starts).
 */

type Definitions = typeof CatalogServiceService;
export type CatalogMethod = keyof Definitions;
export type CatalogRequest<M extends CatalogMethod> = Parameters<Definitions[M]['requestSerialize']>[0];
export type CatalogResponse<M extends CatalogMethod> = ReturnType<Definitions[M]['responseDeserialize']>;

export interface CatalogFieldProblem {
  readonly field: string;
  readonly detail: string;
}

export interface CatalogProblem {
  /** The HTTP status a page or route handler would answer with. */
  readonly status: number;
  /** `x-error-code` of the service (`Catalog.VersionConflict` …) or `Web.CatalogUnavailable`. */
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly CatalogFieldProblem[];
}

export type CatalogResult<T> = { ok: true; value: T } | { ok: false; problem: CatalogProblem };

const UNAVAILABLE_DETAIL = 'The catalog is unavailable right now. Please try again in a moment.';

// gRPC status code → HTTP status, as google.rpc.Code documents it.
const HTTP_BY_GRPC: Record<number, number> = {
  3: 400, // INVALID_ARGUMENT
  5: 404, // NOT_FOUND
  6: 409, // ALREADY_EXISTS
  7: 403, // PERMISSION_DENIED
  8: 429, // RESOURCE_EXHAUSTED
  9: 400, // FAILED_PRECONDITION
  10: 409, // ABORTED
  16: 401, // UNAUTHENTICATED
};

interface Runtime {
  readonly grpc: typeof GrpcJs;
  readonly definitions: Definitions;
  /** The generated module: `<Method>Request.fromPartial` fills unset fields with their proto defaults. */
  readonly messages: Record<string, unknown>;
  readonly client: Client;
}

let runtime: Promise<Runtime> | undefined;

/** grpc-js and the generated code load at run time (Node + tsx), not through the bundler (next.config.ts). */
function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const grpc = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@grpc/grpc-js');
    const generated = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/proto/catalog/v1/catalog_service.js'
    );
    const client = new grpc.Client(
      `127.0.0.1:${webConfig().DAPR_GRPC_PORT}`,
      grpc.credentials.createInsecure(),
    );
    return { grpc, definitions: generated.CatalogServiceService, messages: generated, client };
  })();
  return runtime;
}

function problemOf(error: ServiceError): CatalogProblem {
  const reason = error.metadata?.get('x-error-code').map(String)[0];
  const [rawFields] = error.metadata?.get('x-field-errors') ?? [];
  let errors: CatalogFieldProblem[] = [];
  if (rawFields !== undefined) {
    try {
      errors = (JSON.parse(String(rawFields)) as CatalogFieldProblem[]).map((f) => ({
        field: String(f.field),
        detail: String(f.detail),
      }));
    } catch {
      errors = [];
    }
  }
  // UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN (sidecar or app down): one message, no internals.
  const status = HTTP_BY_GRPC[error.code];
  if (reason === undefined || status === undefined)
    return { status: 503, code: 'Web.CatalogUnavailable', detail: UNAVAILABLE_DETAIL, errors: [] };
  // The service's details read `<code>: <message>`; the message alone is for people.
  const detail = error.details.startsWith(`${reason}: `)
    ? error.details.slice(reason.length + 2)
    : error.details;
  return { status, code: reason, detail, errors };
}

export interface CatalogCaller {
  readonly tenantId: string;
  /** The user's access token, sent as `authorization: Bearer …`. */
  readonly accessToken?: string;
  readonly noCache?: boolean;
  readonly deadlineMs?: number;
}

export async function callCatalogAs<M extends CatalogMethod>(
  method: M,
  request: Partial<CatalogRequest<M>>,
  caller: CatalogCaller,
): Promise<CatalogResult<CatalogResponse<M>>> {
  const config = webConfig();
  const { grpc, definitions, messages, client } = await loadRuntime();
  const definition = definitions[method];
  const metadata: Metadata = new grpc.Metadata();
  metadata.set('dapr-app-id', 'catalog');
  metadata.set('dapr-api-token', config.DAPR_API_TOKEN);
  metadata.set('x-tenant-id', caller.tenantId);
  if (caller.noCache === true) metadata.set('cache-control', 'no-cache');
  if (caller.accessToken) metadata.set('authorization', `Bearer ${caller.accessToken}`);
  const requestType = messages[`${method.charAt(0).toUpperCase()}${method.slice(1)}Request`] as {
    fromPartial(partial: unknown): CatalogRequest<M>;
  };
  const message = requestType.fromPartial(request);
  return new Promise((resolve) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize as (value: CatalogRequest<M>) => Buffer,
      definition.responseDeserialize as (bytes: Buffer) => CatalogResponse<M>,
      message,
      metadata,
      { deadline: Date.now() + (caller.deadlineMs ?? 5_000) },
      (error, response) => {
        if (error) resolve({ ok: false, problem: problemOf(error) });
        else if (response === undefined)
          resolve({ ok: false, problem: problemOf({ code: 14 } as ServiceError) });
        else resolve({ ok: true, value: response });
      },
    );
  });
}
