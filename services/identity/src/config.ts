import { z } from 'zod';
import { baseConfigSchema } from '@shopstream/service-defaults';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@shopstream/service-defaults/auth';
import type { IdentityConfig } from './app/ports.js';

/**
 * Environment of the `identity` Dapr app (app protocol grpc). The supervisor provides every key: the base
 * keys, DATABASE_URL (role owning database `identity`, from `database: identity` in dapr/apps.yaml) and
 * REDIS_URL (the login throttle's store, needed once the sign-in RPCs land on this app).
 */
export const identityConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: z.url({ error: 'must be a postgres:// URL of the identity database' }),
  REDIS_URL: z.url({ error: 'must be a redis:// URL' }),
});

export type IdentityAppConfig = z.infer<typeof identityConfigSchema>;

/**
 * The `identity` gRPC app also serves the client-credentials grant (adr/0065): SERVICE_CLIENTS_FILE is the
 * service-client declaration (locally dapr/service-clients.yaml, relative to the app's folder).
 */
export const identityApiConfigSchema = identityConfigSchema.extend({
  SERVICE_CLIENTS_FILE: z
    .string()
    .min(1, 'must name the service-client declaration (dapr/service-clients.yaml)'),
});

/**
 * Protocol constants, not environment facts (every environment issues and verifies the same values):
 * - `iss` of every access token: `shopstream-identity`;
 * - `aud`: `shopstream` (one audience for all Shopstream services);
 * - access-token lifetime 10 min, refresh family 30 days, concurrent-refresh grace 10 s (ADR 10).
 * Verifiers in other services must use the same issuer and audience.
 */
export { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER } from '@shopstream/service-defaults/auth';

/** Allowed clock skew when verifying `exp`/`nbf`. */
export const CLOCK_TOLERANCE_SEC = 5;

/** How often the app re-reads the key ring (another instance may have rotated it). */
export const KEY_RING_RELOAD_MS = 60_000;

/** The scheduled rotation: a signing key signs for this long, then a fresh one takes over. */
export const KEY_MAX_AGE_MS = 7 * 24 * 3_600_000;

/**
 * How long a retired key stays published: access-token lifetime (10 min) + clock tolerance + a verifier's
 * JWKS cache TTL (5 min) + the signers' reload interval (1 min), rounded up to an hour. Within it, tokens
 * the old key signed keep verifying everywhere, so a rotation logs nobody out.
 */
export const RETIRED_KEY_RETAIN_MS = 3_600_000;

/** The use cases' configuration for a given SERVICE_NAME (the CloudEvents `source`). */
export function identityConfig(serviceName: string): IdentityConfig {
  return {
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    accessTokenTtlSec: 600,
    refreshLifetimeMs: 30 * 24 * 3_600_000,
    refreshGraceMs: 10_000,
    eventSource: serviceName,
  };
}
