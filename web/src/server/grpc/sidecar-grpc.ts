import type * as GrpcJs from '@grpc/grpc-js';
import type { Client, Metadata } from '@grpc/grpc-js';
import type { GrpcFailure, ProblemJson } from '@shopstream/service-defaults/contracts';
import { webConfig } from '../config';

/**
 * One gRPC call to a Dapr app through the web app's own sidecar (Dapr gRPC proxying, adr/0016): metadata
 * `dapr-app-id`, `dapr-api-token`, the tenant and, when given, a bearer token. It reads no request state (no
 * `next/headers`), so the proxy can use it too. Failures come back as values (never thrown): the service's
 * coded problem (service-defaults' one gRPC failure → problem mapping), or "unavailable" for 5xx-like ones.
 */

export interface FieldProblem {
  readonly field: string;
  readonly detail: string;
}

export interface ServiceProblem {
  /** The HTTP status a page or route handler would answer with. */
  readonly status: number;
  /** `x-error-code` of the service (`Catalog.VersionConflict` …) or the web's `Web.<App>Unavailable`. */
  readonly code: string;
  readonly detail: string;
  readonly errors: readonly FieldProblem[];
}

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; problem: ServiceProblem };

/** The shape of a generated `<Name>Service` definition object (ts-proto, grpc-js flavour). */
type Definitions = Record<
  string,
  {
    readonly path: string;
    readonly requestSerialize: (value: never) => Buffer;
    readonly responseDeserialize: (bytes: Buffer) => unknown;
  }
>;

export type RequestOf<D extends Definitions, M extends keyof D> = Parameters<D[M]['requestSerialize']>[0];
export type ResponseOf<D extends Definitions, M extends keyof D> = ReturnType<D[M]['responseDeserialize']>;

export interface SidecarCaller {
  readonly tenantId: string;
  /** The user's access token, sent as `authorization: Bearer …`. */
  readonly accessToken?: string;
  readonly deadlineMs?: number;
  /** Extra metadata (e.g. `cache-control: no-cache`). */
  readonly metadata?: Readonly<Record<string, string>>;
}

interface Loaded<D> {
  readonly definitions: D;
  /** The generated module: `<Method>Request.fromPartial` fills unset fields with their proto defaults. */
  readonly messages: Record<string, unknown>;
}

interface Runtime<D> extends Loaded<D> {
  readonly grpc: typeof GrpcJs;
  readonly client: Client;
  readonly problemFromGrpcFailure: (failure: GrpcFailure) => ProblemJson | undefined;
}

export interface SidecarServiceOptions<D> {
  /** The Dapr app id the sidecar proxies to. */
  readonly appId: string;
  /** Loads the generated module at run time (Node + tsx), outside the bundler (next.config.ts). */
  readonly load: () => Promise<Loaded<D>>;
  /** The one message for "the service did not answer" (no internals). */
  readonly unavailable: { readonly code: string; readonly detail: string };
  readonly defaultDeadlineMs?: number;
}

export function sidecarService<D extends Definitions>(options: SidecarServiceOptions<D>) {
  let runtime: Promise<Runtime<D>> | undefined;
  const loadRuntime = (): Promise<Runtime<D>> => {
    runtime ??= (async () => {
      const grpc = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@grpc/grpc-js');
      const contracts = await import(
        /* turbopackIgnore: true */ /* webpackIgnore: true */ '@shopstream/service-defaults/contracts'
      );
      const loaded = await options.load();
      const client = new grpc.Client(
        `127.0.0.1:${webConfig().DAPR_GRPC_PORT}`,
        grpc.credentials.createInsecure(),
      );
      return { ...loaded, grpc, client, problemFromGrpcFailure: contracts.problemFromGrpcFailure };
    })();
    return runtime;
  };

  const problemOf = (rt: Runtime<D>, error: GrpcFailure): ServiceProblem => {
    const problem = rt.problemFromGrpcFailure(error);
    // UNAVAILABLE, DEADLINE_EXCEEDED, INTERNAL, UNKNOWN (sidecar or app down): one message, no internals.
    if (problem === undefined || problem.status >= 500)
      return { status: 503, ...options.unavailable, errors: [] };
    return {
      status: problem.status,
      code: problem.code,
      detail: problem.detail,
      errors: problem.errors ?? [],
    };
  };

  return async function call<M extends keyof D & string>(
    method: M,
    request: Partial<RequestOf<D, M>>,
    caller: SidecarCaller,
  ): Promise<ServiceResult<ResponseOf<D, M>>> {
    const config = webConfig();
    const rt = await loadRuntime();
    const definition = rt.definitions[method];
    if (definition === undefined) throw new Error(`unknown method ${method}`);
    const metadata: Metadata = new rt.grpc.Metadata();
    metadata.set('dapr-app-id', options.appId);
    metadata.set('dapr-api-token', config.DAPR_API_TOKEN);
    metadata.set('x-tenant-id', caller.tenantId);
    for (const [name, value] of Object.entries(caller.metadata ?? {})) metadata.set(name, value);
    if (caller.accessToken) metadata.set('authorization', `Bearer ${caller.accessToken}`);
    const requestType = rt.messages[`${method.charAt(0).toUpperCase()}${method.slice(1)}Request`] as {
      fromPartial(partial: unknown): RequestOf<D, M>;
    };
    const message = requestType.fromPartial(request);
    return new Promise((resolve) => {
      rt.client.makeUnaryRequest(
        definition.path,
        definition.requestSerialize as (value: RequestOf<D, M>) => Buffer,
        definition.responseDeserialize as (bytes: Buffer) => ResponseOf<D, M>,
        message,
        metadata,
        { deadline: Date.now() + (caller.deadlineMs ?? options.defaultDeadlineMs ?? 5_000) },
        (error, response) => {
          if (error) resolve({ ok: false, problem: problemOf(rt, error) });
          else if (response === undefined)
            resolve({ ok: false, problem: problemOf(rt, { code: 14, details: 'no response' }) });
          else resolve({ ok: true, value: response });
        },
      );
    });
  };
}
