import type { ServerUnaryCall } from '@grpc/grpc-js';
import { decodeJwt } from 'jose';
import { unaryHandler } from '@shopstream/service-defaults';
import {
  authorizeGrpc,
  grpcPrincipal,
  invalidToken,
  type AccessPolicy,
  type Principal,
  type TokenVerifier,
} from '@shopstream/service-defaults/auth';
import type { Timestamp } from '@shopstream/proto/google/protobuf/timestamp.js';
import {
  IdentityServiceService,
  type GetUserRequest,
  type GetUserResponse,
  type IdentityServiceServer,
  type IssueServiceTokenRequest,
  type IssueServiceTokenResponse,
  type Principal as PrincipalMessage,
  type User as UserMessage,
  type ValidateTokenRequest,
  type ValidateTokenResponse,
} from '@shopstream/proto/identity/v1/identity_service.js';
import { getUser } from '../../app/get-user.js';
import { issueServiceToken, type IssueServiceTokenDeps } from '../../app/issue-service-token.js';
import type { IdentityStore } from '../../app/ports.js';
import { maySeeEmail, type User } from '../../domain/user.js';

/**
 * Who may call what (deny by default): `GetUser` needs a valid access token of any role (its tenant is the
 * tenant of the call); `ValidateToken` is public — the token to check is its input.
 */
export const IDENTITY_ACCESS_POLICY: AccessPolicy = {
  [IdentityServiceService.getUser.path]: { roles: [] },
  [IdentityServiceService.validateToken.path]: { public: true },
  // The client credentials in the request are the authentication (adr/0065).
  [IdentityServiceService.issueServiceToken.path]: { public: true },
};

export interface IdentityGrpcDeps {
  readonly store: IdentityStore;
  readonly verifier: TokenVerifier;
  readonly serviceTokens: IssueServiceTokenDeps;
}

/**
 * `shopstream.identity.v1.IdentityService`. Errors are DomainErrors mapped by `unaryHandler`:
 * `Auth.MissingToken` / `Auth.InvalidToken` / `Auth.TokenExpired` → UNAUTHENTICATED, `Auth.WrongTenant` →
 * PERMISSION_DENIED, `Identity.UserNotFound` → NOT_FOUND (also for users of other tenants),
 * `Auth.KeysUnavailable` → UNAVAILABLE, `Identity.InvalidClient` → UNAUTHENTICATED, `Identity.UnknownTenant` →
 * NOT_FOUND.
 */
export function identityGrpcService(deps: IdentityGrpcDeps): IdentityServiceServer {
  const principalOf = async (call: ServerUnaryCall<unknown, unknown>, path: string) => {
    return authorizeGrpc(IDENTITY_ACCESS_POLICY, path, await grpcPrincipal(deps.verifier, call.metadata));
  };

  return {
    getUser: unaryHandler<GetUserRequest, GetUserResponse>(async (request, call) => {
      const principal = await principalOf(call, IdentityServiceService.getUser.path);
      if (principal === undefined) throw invalidToken(); // unreachable: the policy requires a token
      const user = await getUser(
        { store: deps.store },
        { tenantId: principal.tenantId, userId: request.userId },
      );
      return { user: userMessage(user, maySeeEmail(principal, user)) };
    }),

    validateToken: unaryHandler<ValidateTokenRequest, ValidateTokenResponse>(async (request, call) => {
      await principalOf(call, IdentityServiceService.validateToken.path);
      const principal = await deps.verifier.verify(
        request.accessToken,
        request.expectedTenantId === '' ? {} : { expectedTenant: request.expectedTenantId },
      );
      // Verified above, so decoding is safe; `exp` is a required claim.
      const { exp } = decodeJwt(request.accessToken);
      if (typeof exp !== 'number') throw invalidToken();
      return { principal: principalMessage(principal), expiresAt: timestamp(exp * 1000) };
    }),

    issueServiceToken: unaryHandler<IssueServiceTokenRequest, IssueServiceTokenResponse>(
      async (request, call) => {
        await principalOf(call, IdentityServiceService.issueServiceToken.path);
        const issued = await issueServiceToken(deps.serviceTokens, request);
        return {
          accessToken: issued.token,
          expiresInSeconds: issued.expiresInSeconds,
          expiresAt: timestamp(issued.expiresAt * 1000),
          roles: [...issued.roles],
        };
      },
    ),
  };
}

function userMessage(user: User, withEmail: boolean): UserMessage {
  return {
    userId: user.id,
    tenantId: user.tenantId,
    email: withEmail ? user.email : '',
    roles: [...user.roles],
    admin: user.admin,
    createdAt: timestamp(user.createdAt),
  };
}

function principalMessage(principal: Principal): PrincipalMessage {
  return {
    userId: principal.userId,
    tenantId: principal.tenantId,
    roles: [...principal.roles],
    admin: principal.admin,
    sessionId: principal.sessionId ?? '',
    clientId: principal.clientId ?? '',
  };
}

function timestamp(ms: number): Timestamp {
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}
