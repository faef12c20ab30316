import type * as GrpcJs from '@grpc/grpc-js';
import type { Client, Metadata } from '@grpc/grpc-js';
import type { GrpcFailure, ProblemJson } from '@shopstream/service-defaults/contracts';
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

interface Runtime {
  readonly grpc: typeof GrpcJs;
  readonly definitions: Definitions;
  /** The generated module: `<Method>Request.fromPartial` fills unset fields with their proto defaults. */
  readonly messages: Record<string, unknown>;
  readonly client: Client;
  /** service-defaults' one gRPC failure → problem mapping. */
  readonly problemFromGrpcFailure: (failure: GrpcFailure) => ProblemJson | undefined;
}

let runtime: Promise<Runtime> | undefined;

/** grpc-js and the generated code load at run time (Node + tsx), not through the bundler (next.config.ts). */
function loadRuntime(): Promise<Runtime> {
  runtime ??= (async () => {
    const grpc = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@grpc/grpc-js');
    const generated = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/proto/catalog/v1/catalog_service.js'
    );
    const contracts = await import(
      /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/service-defaults/contracts'
    );
    const client = new grpc.Client(
      `127.0.0.1:${webConfig().DAPR_GRPC_PORT}`,
      grpc.credentials.createInsecure(),
    );
    return {
      grpc,
      definitions: generated.CatalogServiceService,
      messages: generated,
      client,
      problemFromGrpcFailure: contracts.problemFromGrpcFailure,
    };
  })();
  return runtime;
}

/** A failed call as the page's problem: the service's coded error (service-defaults' one mapping), else unavailable. */
function problemOf(runtime: Runtime, error: GrpcFailure): CatalogProblem {
  const problem = runtime.problemFromGrpcFailure(error);
  // UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN (sidecar or app down): one message, no internals.
  if (problem === undefined || problem.status >= 500)
    return { status: 503, code: 'Web.CatalogUnavailable', detail: UNAVAILABLE_DETAIL, errors: [] };
  return { status: problem.status, code: problem.code, detail: problem.detail, errors: problem.errors ?? [] };
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
  const runtime = await loadRuntime();
  const { grpc, definitions, messages, client } = runtime;
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
        if (error) resolve({ ok: false, problem: problemOf(runtime, error) });
        else if (response === undefined)
          resolve({ ok: false, problem: problemOf(runtime, { code: 14, details: 'no response' }) });
        else resolve({ ok: true, value: response });
      },
    );
  });
}
