import type { Pool, PoolClient } from 'pg';
import { DomainError } from '../errors/domain-error.js';
import { ErrorKind } from '../errors/error-kind.js';
import { isTenantId } from '../contracts/tenant-id.js';
import { withTransaction } from './with-transaction.js';

/** The Postgres setting every row-level-security policy compares `tenant_id` with. */
export const TENANT_SETTING = 'app.tenant_id';

/** Throws a validation DomainError (`Tenant.Invalid`, the value is not echoed) unless `value` is a tenant id. */
export function assertTenantId(value: string): void {
  if (!isTenantId(value)) {
    throw new DomainError(ErrorKind.Validation, 'Tenant.Invalid', 'The tenant id is invalid.');
  }
}

/**
 * Runs `fn(client)` in a transaction scoped to one tenant: `app.tenant_id` is set with
 * `set_config(…, true)` (transaction-local, so it never leaks to the next user of the pooled connection),
 * and every table's RLS policy `tenant_id = current_setting('app.tenant_id')` then limits reads and writes to
 * that tenant. Errors roll back and are rethrown.
 */
export async function withTenant<T>(
  pool: Pool,
  tenantId: string,
  fn: (client: PoolClient) => Promise<T>,
): Promise<T> {
  assertTenantId(tenantId);
  return withTransaction(pool, async (client) => {
    await client.query('SELECT set_config($1, $2, true)', [TENANT_SETTING, tenantId]);
    return fn(client);
  });
}
