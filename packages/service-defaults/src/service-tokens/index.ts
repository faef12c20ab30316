/**
 * `@shopstream/service-defaults/service-tokens`: a service's own access tokens (adr/0065) — the
 * client-credentials grant of identity through the sidecar, cached per tenant and renewed before expiry.
 * A subpath of its own so that `./auth` (loaded by actors and the web app) stays free of gRPC clients.
 */
export {
  createServiceTokenSource,
  type IssuedServiceToken,
  type ServiceTokenSource,
  type ServiceTokenSourceOptions,
} from './service-token-source.js';
export {
  identityServiceTokens,
  MIN_SERVICE_CLIENT_SECRET_LENGTH,
  SERVICE_TOKEN_APP_ID,
  serviceClientConfigSchema,
  serviceTokenSource,
  type ServiceClientConfig,
  type ServiceTokenSourceDeps,
} from './identity-service-tokens.js';
