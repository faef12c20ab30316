import { Metadata, type ServiceError } from '@grpc/grpc-js';
import { z } from 'zod';
import {
  IdentityServiceClient,
  type IssueServiceTokenResponse,
} from '@shopstream/proto/identity/v1/identity_service.js';
import type { BaseConfig } from '../config/base-config.js';
import { serviceClientIdSchema } from '../contracts/service-subject.js';
import { createDaprGrpcClient } from '../dapr/dapr-grpc-client.js';
import { DomainError } from '../errors/domain-error.js';
import { ERROR_CODE_METADATA_KEY, ERROR_KIND_METADATA_KEY } from '../errors/error-metadata.js';
import { ErrorKind } from '../errors/error-kind.js';
import type { Logger } from '../logging/create-logger.js';
import {
  createServiceTokenSource,
  type IssuedServiceToken,
  type ServiceTokenSource,
  type ServiceTokenSourceOptions,
} from './service-token-source.js';

/** The shortest client secret identity accepts (a random 32-byte value, base64url, is 43 characters). */
export const MIN_SERVICE_CLIENT_SECRET_LENGTH = 32;

/**
 * The environment of a service that holds a service client (adr/0065): extend the app's schema with it,
 * `baseConfigSchema.extend(serviceClientConfigSchema.shape)`. Locally both come from the app's `env` in
 * dapr/apps.yaml; elsewhere the secret comes from the secret store.
 */
export const serviceClientConfigSchema = z.object({
  SERVICE_CLIENT_ID: serviceClientIdSchema,
  SERVICE_CLIENT_SECRET: z
    .string()
    .min(
      MIN_SERVICE_CLIENT_SECRET_LENGTH,
      `must be at least ${MIN_SERVICE_CLIENT_SECRET_LENGTH} characters (e.g. \`openssl rand -base64 32\`)`,
    ),
});

export type ServiceClientConfig = z.infer<typeof serviceClientConfigSchema>;

/** The app id of identity's gRPC app, which serves the grant. */
export const SERVICE_TOKEN_APP_ID = 'identity';

/** IssueServiceToken's deadline (the proto advises 2 s). */
const DEADLINE_MS = 2_000;

type IssuerConfig = ServiceClientConfig & Pick<BaseConfig, 'DAPR_GRPC_PORT' | 'DAPR_API_TOKEN'>;

/** The kind identity's error trailers name, or the fallback. */
function kindOf(error: ServiceError, fallback: ErrorKind): ErrorKind {
  const raw = error.metadata?.get(ERROR_KIND_METADATA_KEY)[0];
  const kinds: readonly string[] = Object.values(ErrorKind);
  return raw !== undefined && kinds.includes(String(raw)) ? (String(raw) as ErrorKind) : fallback;
}

/**
 * identity's refusal as a DomainError with identity's own code (`Identity.InvalidClient`,
 * `Identity.UnknownTenant`, …); a failure without one (sidecar or identity down, deadline) is
 * `ServiceToken.IdentityUnavailable` (unavailable: try again). Never carries the secret.
 */
function grantError(error: ServiceError): DomainError {
  const code = error.metadata?.get(ERROR_CODE_METADATA_KEY)[0];
  if (code === undefined)
    return new DomainError(
      ErrorKind.Unavailable,
      'ServiceToken.IdentityUnavailable',
      'Identity could not be reached for a service token; try again.',
      { cause: error },
    );
  const reason = String(code).split(',')[0]!.trim(); // daprd may join the trailers of retried attempts
  return new DomainError(
    kindOf(error, ErrorKind.Unavailable),
    reason,
    `Identity refused the service token (${reason}).`,
  );
}

/**
 * The client-credentials grant over gRPC through the local sidecar: `IdentityService.IssueServiceToken`
 * on app `identity`. `issue(tenantId)` resolves with the token and its lifetime.
 */
export function identityServiceTokens(config: IssuerConfig): {
  readonly issue: (tenantId: string, ttlSeconds?: number) => Promise<IssuedServiceToken>;
  readonly close: () => void;
} {
  const client = createDaprGrpcClient(IdentityServiceClient, SERVICE_TOKEN_APP_ID, config);
  const issue = (tenantId: string, ttlSeconds = 0) =>
    new Promise<IssuedServiceToken>((resolve, reject) => {
      client.issueServiceToken(
        {
          clientId: config.SERVICE_CLIENT_ID,
          clientSecret: config.SERVICE_CLIENT_SECRET,
          tenantId,
          ttlSeconds,
        },
        new Metadata(),
        { deadline: Date.now() + DEADLINE_MS },
        (error: ServiceError | null, response: IssueServiceTokenResponse) => {
          if (error) reject(grantError(error));
          else resolve({ token: response.accessToken, expiresInMs: response.expiresInSeconds * 1000 });
        },
      );
    });
  return { issue, close: () => client.close() };
}

export interface ServiceTokenSourceDeps {
  readonly config: IssuerConfig;
  /** Background renewal failures are logged here as warnings (client id, tenant and error code only). */
  readonly logger?: Pick<Logger, 'warn'>;
  /** Ask for tokens shorter-lived than the client's declared lifetime (seconds); default: the client's. */
  readonly ttlSeconds?: number;
  /** Overrides of the cache's timing (tests); the issuer is always identity's grant. */
  readonly options?: Omit<ServiceTokenSourceOptions, 'issue' | 'onRenewalError'>;
}

/**
 * A service's own access tokens, per tenant (adr/0065): the client-credentials grant through the sidecar
 * behind `createServiceTokenSource` (cached, renewed before expiry, single flight). Use it as
 * `authorization: Bearer ${await tokens.accessToken(tenantId)}`; `close()` at shutdown.
 */
export function serviceTokenSource({
  config,
  logger,
  ttlSeconds,
  options = {},
}: ServiceTokenSourceDeps): ServiceTokenSource & { readonly close: () => void } {
  const issuer = identityServiceTokens(config);
  const source = createServiceTokenSource({
    ...options,
    issue: (tenantId) => issuer.issue(tenantId, ttlSeconds),
    onRenewalError: (error, tenantId) =>
      logger?.warn(
        {
          clientId: config.SERVICE_CLIENT_ID,
          tenantId,
          code: error instanceof DomainError ? error.code : 'ServiceToken.RenewalFailed',
        },
        'service token renewal failed; the current token is still used',
      ),
  });
  return { ...source, close: issuer.close };
}
