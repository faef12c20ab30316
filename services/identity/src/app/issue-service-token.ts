import { serviceSubject } from '@shopstream/service-defaults/contracts';
import { issueAccessToken } from '../domain/access-token.js';
import { invalidClient, unknownTenant } from '../domain/identity-errors.js';
import { clientSecretMatches } from '../domain/service-client.js';
import { parseServiceTokenRequest } from '../domain/service-token-request.js';
import type { IdentityDeps, ServiceClientRegistry, ServiceTokenAudit } from './ports.js';

export interface IssueServiceTokenDeps extends Pick<IdentityDeps, 'store' | 'keys' | 'clock' | 'config'> {
  readonly clients: ServiceClientRegistry;
  readonly audit: ServiceTokenAudit;
}

export interface ServiceToken {
  /** A credential: never log it. */
  readonly token: string;
  readonly tokenId: string;
  /** Epoch seconds of `exp`. */
  readonly expiresAt: number;
  readonly expiresInSeconds: number;
  readonly roles: readonly string[];
}

/**
 * The client-credentials grant (adr/0065): a declared service client with the right secret gets a token
 * of subject `service:<client id>` with the client's roles, never `admin`, no session, for the tenant it
 * names — which must exist (identity only signs for tenants it knows; services trust the token's tenant,
 * adr/0015). Unknown client and wrong secret are one answer (`Identity.InvalidClient`).
 */
export async function issueServiceToken(deps: IssueServiceTokenDeps, input: unknown): Promise<ServiceToken> {
  const request = parseServiceTokenRequest(input);
  const client = deps.clients.find(request.clientId);
  const refused = (outcome: 'invalid_client' | 'unknown_tenant') =>
    deps.audit.record({ outcome, clientId: request.clientId, tenantId: request.tenantId });
  if (client === undefined || !clientSecretMatches(client, request.clientSecret)) {
    refused('invalid_client');
    throw invalidClient();
  }
  const exists = await deps.store.inTenant(request.tenantId, (tx) => tx.tenants.exists());
  if (!exists) {
    refused('unknown_tenant');
    throw unknownTenant();
  }
  const ttlSec =
    request.ttlSeconds === 0 ? client.tokenTtlSeconds : Math.min(request.ttlSeconds, client.tokenTtlSeconds);
  const now = deps.clock.now();
  const issued = await issueAccessToken(deps.keys.keyRing(), {
    principal: {
      userId: serviceSubject(client.clientId),
      tenantId: request.tenantId,
      roles: client.roles,
      admin: false,
      clientId: client.clientId,
    },
    issuer: deps.config.issuer,
    audience: deps.config.audience,
    ttlSec,
    now,
  });
  deps.audit.record({
    outcome: 'issued',
    clientId: client.clientId,
    tenantId: request.tenantId,
    tokenId: issued.tokenId,
    expiresAt: issued.expiresAt,
  });
  return {
    token: issued.token,
    tokenId: issued.tokenId,
    expiresAt: issued.expiresAt,
    // `exp` is whole seconds from the second the token was signed in: what is left from now is up to a
    // second less than the lifetime. Rounded down, so a client never holds a token longer than it lives.
    expiresInSeconds: Math.floor((issued.expiresAt * 1000 - now) / 1000),
    roles: client.roles,
  };
}
