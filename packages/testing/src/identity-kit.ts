import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Pool } from 'pg';
import { createTokenVerifier, type TokenVerifier } from '@shopstream/service-defaults/auth';
import { createTestDatabase, silentLogger, type TestDatabase } from './database.js';
import { ports } from '../../../tools/stack/ports.js';
import {
  createIdentityStore,
  createLoginThrottle,
  createPasswordHasher,
  DEFAULT_LOGIN_THROTTLE_POLICY,
  migrateIdentityDatabase,
  openSigningKeyStore,
  type Clock,
  type IdentityConfig,
  type IdentityDeps,
  type LoginThrottlePolicy,
  type SigningKeyStore,
} from '@shopstream/identity';

/** A clock tests move by hand. */
export interface ManualClock extends Clock {
  readonly advance: (ms: number) => void;
}

export function manualClock(start = Date.now()): ManualClock {
  let now = start;
  return { now: () => now, advance: (ms) => void (now += ms) };
}

export interface IdentityTestKit {
  readonly db: TestDatabase;
  /** Pool of the app role (not a superuser): row-level security applies. */
  readonly pool: Pool;
  readonly redis: Redis;
  readonly clock: ManualClock;
  readonly keyStore: SigningKeyStore;
  readonly deps: IdentityDeps;
  /** Verifies access tokens exactly as other services will (JWKS of `keyStore`, the kit's clock). */
  readonly verifier: TokenVerifier;
  /** Registers a fresh tenant `<prefix>-<random>` (random, so Redis keys never collide between runs). */
  newTenant(prefix?: string): Promise<string>;
  close(): Promise<void>;
}

export interface IdentityTestKitOptions {
  readonly throttle?: Partial<LoginThrottlePolicy>;
  readonly config?: Partial<IdentityConfig>;
  readonly poolSize?: number;
}

/** Cheap argon2id (1 MiB, t=1): the production parameters are covered by the domain tests. */
export const TEST_ARGON2ID = { memoryCost: 1024, timeCost: 1, parallelism: 1 } as const;

export const TEST_CONFIG: IdentityConfig = {
  issuer: 'https://identity.shopstream.test',
  audience: 'shopstream',
  accessTokenTtlSec: 600,
  refreshLifetimeMs: 30 * 24 * 3_600_000,
  refreshGraceMs: 10_000,
  eventSource: 'identity',
};

/** Own database (migrated as the app role), Redis of the stack, real hasher/key ring/throttle. */
export async function createIdentityTestKit(options: IdentityTestKitOptions = {}): Promise<IdentityTestKit> {
  const db = await createTestDatabase();
  const pool = db.pool({ max: options.poolSize ?? 5 });
  await migrateIdentityDatabase(pool, silentLogger);
  const redis = new Redis({ host: '127.0.0.1', port: ports.redis, maxRetriesPerRequest: 1 });
  const clock = manualClock();
  const keyStore = await openSigningKeyStore(pool, clock.now);
  const config = { ...TEST_CONFIG, ...options.config };
  const deps: IdentityDeps = {
    store: createIdentityStore(pool),
    hasher: createPasswordHasher(TEST_ARGON2ID),
    keys: keyStore,
    throttle: createLoginThrottle(redis, { ...DEFAULT_LOGIN_THROTTLE_POLICY, ...options.throttle }),
    clock,
    config,
  };
  const verifier = createTokenVerifier({
    issuer: config.issuer,
    audience: config.audience,
    jwks: () => Promise.resolve(keyStore.keyRing().jwks(clock.now())),
    clockToleranceSec: 5,
    cacheTtlMs: 0,
    now: clock.now,
  });
  return {
    db,
    pool,
    redis,
    clock,
    keyStore,
    deps,
    verifier,
    async newTenant(prefix = 'tenant') {
      const tenantId = `${prefix}-${randomBytes(4).toString('hex')}`;
      await deps.store.inTenant(tenantId, (tx) => tx.tenants.create(prefix));
      return tenantId;
    },
    async close() {
      redis.disconnect();
      await db.drop();
    },
  };
}
