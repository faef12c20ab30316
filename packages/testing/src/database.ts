import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { createLogger } from '@shopstream/service-defaults';
import { createPgPool } from '@shopstream/service-defaults/postgres';
import { ports } from '../../../tools/stack/ports.js';
import {
  appDatabaseUrl,
  dropAppDatabase,
  provisionAppDatabases,
} from '../../../tools/stack/provision-postgres.js';

/** A throw-away database on the stack's Postgres, for integration tests. */
export interface TestDatabase {
  readonly name: string;
  /** Connects as the database's own role: not a superuser, so row-level security applies. */
  readonly url: string;
  /** A pool on `url`; ended by `drop()`. */
  pool(options?: { max?: number }): Pool;
  drop(): Promise<void>;
}

export const silentLogger = createLogger({ service: 'postgres-test', level: 'silent' });

/**
 * Creates `t_<random>` with a role of the same name, exactly as the supervisor provisions an app's database
 * (tools/stack/provision-postgres.ts), on `ports.postgres` (SHOPSTREAM_PORT_POSTGRES overrides it).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  await provisionAppDatabases([name]);
  const url = appDatabaseUrl(name, ports.postgres);
  const pools: Pool[] = [];
  return {
    name,
    url,
    pool(options = {}) {
      const pool = createPgPool({
        connectionString: url,
        applicationName: 'postgres-integration-test',
        logger: silentLogger,
        max: options.max ?? 5,
      });
      pools.push(pool);
      return pool;
    },
    async drop() {
      await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
      await dropAppDatabase(name);
    },
  };
}
