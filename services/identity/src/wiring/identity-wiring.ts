import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import type { ServiceContext } from '@shopstream/service-defaults';
import { createTokenVerifier, type TokenVerifier } from '@shopstream/service-defaults/auth';
import { createPgPool, pgReadinessCheck } from '@shopstream/service-defaults/postgres';
import type { IssueServiceTokenDeps } from '../app/issue-service-token.js';
import type { Clock, IdentityDeps, ServiceClientRegistry, SigningKeyStore } from '../app/ports.js';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  CLOCK_TOLERANCE_SEC,
  identityConfig,
  KEY_MAX_AGE_MS,
  KEY_RING_RELOAD_MS,
  RETIRED_KEY_RETAIN_MS,
  type IdentityAppConfig,
} from '../config.js';
import { createPasswordHasher } from '../domain/password-hasher.js';
import { createIdentityStore } from '../infra/identity-store.js';
import { createLoginThrottle } from '../infra/login-throttle.js';
import { DEFAULT_LOGIN_THROTTLE_POLICY } from '../infra/login-throttle-policy.js';
import { serviceTokenAudit } from '../infra/service-token-audit.js';
import { openSigningKeyStore } from '../infra/signing-key-store.js';

export const systemClock: Clock = { now: () => Date.now() };

type Lifecycle = Pick<
  ServiceContext<IdentityAppConfig>,
  'config' | 'logger' | 'onShutdown' | 'addReadinessCheck'
>;

/** The identity database pool, closed at shutdown and checked by readiness. */
export function openIdentityPool({ config, logger, onShutdown, addReadinessCheck }: Lifecycle): Pool {
  const pool = createPgPool({
    connectionString: config.DATABASE_URL,
    applicationName: config.SERVICE_NAME,
    logger,
  });
  onShutdown('postgres', () => pool.end());
  addReadinessCheck('postgres', pgReadinessCheck(pool));
  return pool;
}

/**
 * Loads (or creates) the key ring; every KEY_RING_RELOAD_MS re-reads it (another instance may have rotated
 * it) and rotates it when the signing key is KEY_MAX_AGE_MS old (decided under a row lock: once in all).
 */
export async function openKeyRing(
  pool: Pool,
  { logger, onShutdown }: Pick<Lifecycle, 'logger' | 'onShutdown'>,
): Promise<SigningKeyStore> {
  const keyStore = await openSigningKeyStore(pool);
  const tick = async () => {
    const ring = await keyStore.reload();
    const now = Date.now();
    if (now - ring.current.createdAt < KEY_MAX_AGE_MS) return;
    const rotated = await keyStore.rotateIfOlderThan(KEY_MAX_AGE_MS, {
      now,
      retainMs: RETIRED_KEY_RETAIN_MS,
    });
    if (rotated.current.kid !== ring.current.kid)
      logger.info({ kid: rotated.current.kid }, 'signing key rotated');
  };
  const reload = setInterval(() => {
    tick().catch((error: unknown) => logger.warn({ err: error }, 'key ring reload failed'));
  }, KEY_RING_RELOAD_MS);
  reload.unref();
  onShutdown('key-ring-reload', () => clearInterval(reload));
  return keyStore;
}

/**
 * Verifies access tokens against identity's own key ring: no network call. A token naming a kid the
 * cached keys lack re-reads the ring from the database (at most once a second), so a key another
 * instance just rotated in verifies at once.
 */
export function localTokenVerifier(keyStore: SigningKeyStore): TokenVerifier {
  return createTokenVerifier({
    issuer: ACCESS_TOKEN_ISSUER,
    audience: ACCESS_TOKEN_AUDIENCE,
    jwks: async () => (await keyStore.reload()).jwks(Date.now()),
    clockToleranceSec: CLOCK_TOLERANCE_SEC,
    cacheTtlMs: KEY_RING_RELOAD_MS,
    refetchCooldownMs: 1_000,
  });
}

/** The login throttle's Redis connection (REDIS_URL), closed at shutdown. */
export function openThrottleRedis({ config, logger, onShutdown }: Lifecycle): Redis {
  const redis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false });
  redis.on('error', (error: unknown) => logger.warn({ err: error }, 'redis (login throttle) error'));
  onShutdown('redis', async () => {
    await redis.quit();
  });
  return redis;
}

/** Every use case's dependencies with production parameters (argon2id OWASP, default throttle policy). */
export function identityDeps(
  pool: Pool,
  keyStore: SigningKeyStore,
  redis: Redis,
  serviceName: string,
): IdentityDeps {
  return {
    store: createIdentityStore(pool),
    hasher: createPasswordHasher(),
    keys: keyStore,
    throttle: createLoginThrottle(redis, DEFAULT_LOGIN_THROTTLE_POLICY),
    clock: systemClock,
    config: identityConfig(serviceName),
  };
}

/** The client-credentials grant's dependencies (adr/0065): the store (tenant check), the key ring, audit. */
export function serviceTokenDeps(
  pool: Pool,
  keyStore: SigningKeyStore,
  clients: ServiceClientRegistry,
  { logger, serviceName }: { logger: ServiceContext<IdentityAppConfig>['logger']; serviceName: string },
): IssueServiceTokenDeps {
  return {
    store: createIdentityStore(pool),
    keys: keyStore,
    clock: systemClock,
    config: identityConfig(serviceName),
    clients,
    audit: serviceTokenAudit(logger, (id) => clients.find(id) !== undefined),
  };
}
