import type { ServerUnaryCall } from '@grpc/grpc-js';
import { DomainError, ErrorKind, singleMetadataValue } from '@shopstream/service-defaults';
import {
  authorizeGrpc,
  bearerToken,
  invalidToken,
  tenantIdSchema,
  wrongTenant,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import type { Shopper } from '../../app/shopper.js';
import { tenantRequired } from '../../domain/orders-errors.js';
import { CART_ACCESS_POLICY } from './cart-access-policy.js';

export interface CallContextDeps {
  readonly verifier: TokenVerifier;
  /** Metadata key naming the shop of anonymous calls (TENANT_HEADER, `x-tenant-id`). */
  readonly tenantHeader: string;
}

const ambiguous = (key: string) =>
  new DomainError(ErrorKind.Validation, 'Request.AmbiguousHeader', `Send ${key} at most once.`, {
    fields: [{ field: key, detail: 'is sent more than once' }],
  });

/**
 * The shopper of a call: with a bearer token the verified user (a different `x-tenant-id` is
 * `Auth.WrongTenant`), keeping the raw token to pass on to the cart; without one an anonymous shopper of the
 * shop named in `x-tenant-id` (`Cart.TenantRequired` when missing). Checked against the access policy.
 */
export async function shopperOf(
  deps: CallContextDeps,
  call: ServerUnaryCall<unknown, unknown>,
  path: string,
): Promise<Shopper> {
  const token = bearerToken(singleMetadataValue(call.metadata, 'authorization', invalidToken));
  const principal = token === undefined ? undefined : await deps.verifier.verify(token);
  authorizeGrpc(CART_ACCESS_POLICY, path, principal);
  const named = singleMetadataValue(call.metadata, deps.tenantHeader, () => ambiguous(deps.tenantHeader));
  if (principal !== undefined && token !== undefined) {
    if (named !== undefined && named !== principal.tenantId) throw wrongTenant();
    return { kind: 'user', tenantId: principal.tenantId, userId: principal.userId, accessToken: token };
  }
  if (named === undefined) throw tenantRequired(deps.tenantHeader);
  const tenant = tenantIdSchema.safeParse(named);
  if (!tenant.success) throw DomainError.fromZod('Cart.InvalidTenant', tenant.error);
  return { kind: 'anonymous', tenantId: tenant.data };
}
