import type { Metadata, ServerUnaryCall } from '@grpc/grpc-js';
import {
  authorizeGrpc,
  grpcPrincipal,
  invalidToken,
  wrongTenant,
  type Principal,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import { DomainError, ErrorKind, singleMetadataValue } from '@shopstream/service-defaults';
import { assertTenantId } from '@shopstream/service-defaults/postgres';
import type { Actor } from '../../app/actor.js';
import type { Viewer } from '../../app/viewer.js';
import { tenantRequired } from '../../domain/catalog-errors.js';
import { CATALOG_ACCESS_POLICY } from './catalog-access-policy.js';

export interface CallContextDeps {
  readonly verifier: TokenVerifier;
  /** Metadata key naming the tenant of anonymous reads (TENANT_HEADER, `x-tenant-id`). */
  readonly tenantHeader: string;
}

type Call = ServerUnaryCall<unknown, unknown>;

/** The verified principal of a call (undefined without a token), checked against the access policy. */
export async function principalOf(
  deps: CallContextDeps,
  call: Call,
  path: string,
): Promise<Principal | undefined> {
  const principal = await grpcPrincipal(deps.verifier, call.metadata);
  return authorizeGrpc(CATALOG_ACCESS_POLICY, path, principal);
}

/** The actor of a write (the policy guarantees a principal). */
export async function actorOf(deps: CallContextDeps, call: Call, path: string): Promise<Actor> {
  const principal = await principalOf(deps, call, path);
  if (principal === undefined) throw invalidToken();
  return principal;
}

/**
 * The reader of a read: with a token its tenant (a different `x-tenant-id` is `Auth.WrongTenant`), without
 * one the tenant named in `x-tenant-id` (`Catalog.TenantRequired` when missing).
 */
export async function viewerOf(deps: CallContextDeps, call: Call, path: string): Promise<Viewer> {
  const principal = await principalOf(deps, call, path);
  const named = single(call.metadata, deps.tenantHeader);
  if (principal !== undefined) {
    if (named !== undefined && named !== principal.tenantId) throw wrongTenant();
    return { tenantId: principal.tenantId, principal };
  }
  if (named === undefined) throw tenantRequired(deps.tenantHeader);
  assertTenantId(named);
  return { tenantId: named, principal: undefined };
}

/** `cache-control: no-cache` (or `no-store`) asks for a fresh read. */
export function bypassesCache(call: Call): boolean {
  const value = single(call.metadata, 'cache-control');
  return value !== undefined && /\bno-(cache|store)\b/i.test(value);
}

/** One value at most; several are refused as ambiguous (a validation error naming the header). */
function single(metadata: Metadata, key: string): string | undefined {
  return singleMetadataValue(metadata, key, () => ambiguousHeader(key));
}

const ambiguousHeader = (key: string) =>
  new DomainError(ErrorKind.Validation, 'Request.AmbiguousHeader', `Send ${key} at most once.`, {
    fields: [{ field: key, detail: 'is sent more than once' }],
  });
