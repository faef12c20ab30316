import type { Pool } from 'pg';
import { createPgPool } from '@shopstream/service-defaults/postgres';
import { createLogger } from '@shopstream/service-defaults';
import { appDatabaseUrl } from './provision-postgres.js';

/**
 * A pool on the local stack's `identity` database, as the `identity` role the supervisor provisioned (not a
 * superuser, so row-level security applies exactly as in the apps). For operator commands and tests.
 */
export function identityDatabasePool(applicationName: string, max = 2): Pool {
  return createPgPool({
    connectionString: appDatabaseUrl('identity'),
    applicationName,
    logger: createLogger({ service: applicationName, level: 'silent' }),
    max,
  });
}
