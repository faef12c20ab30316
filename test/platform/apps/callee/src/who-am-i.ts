import type { ServerUnaryCall } from '@grpc/grpc-js';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';
import {
  authorizeGrpc,
  grpcPrincipal,
  tenantIdSchema,
  type AccessPolicy,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import {
  PingServiceService,
  type WhoAmIRequest,
  type WhoAmIResponse,
} from '@shopstream/proto/platform/v1/ping_service.js';

/** Deny by default: Ping is public, WhoAmI needs a valid access token (any role). */
export const CALLEE_ACCESS_POLICY: AccessPolicy = {
  [PingServiceService.ping.path]: { public: true },
  [PingServiceService.whoAmI.path]: { roles: [] },
};

/**
 * PingService.WhoAmI: the reference protected method outside identity. The token is verified by the
 * shared verifier (identity's JWKS through the sidecar, cached), for the tenant the request names.
 */
export async function whoAmI(
  verifier: TokenVerifier,
  request: WhoAmIRequest,
  call: ServerUnaryCall<unknown, unknown>,
): Promise<WhoAmIResponse> {
  const tenant = tenantIdSchema.safeParse(request.tenantId);
  if (!tenant.success) {
    throw new DomainError(
      ErrorKind.Validation,
      'Platform.InvalidTenant',
      'tenant_id is missing or invalid.',
      {
        fields: [{ field: 'tenant_id', detail: 'is not a tenant id' }],
      },
    );
  }
  const principal = authorizeGrpc(
    CALLEE_ACCESS_POLICY,
    PingServiceService.whoAmI.path,
    await grpcPrincipal(verifier, call.metadata, { expectedTenant: tenant.data }),
  );
  if (principal === undefined) throw new Error('unreachable: WhoAmI requires a principal');
  return {
    userId: principal.userId,
    tenantId: principal.tenantId,
    roles: [...principal.roles],
    admin: principal.admin,
    sessionId: principal.sessionId ?? '',
  };
}
