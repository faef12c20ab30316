import type { ClientBase } from 'pg';

/** The tenant row of the transaction's tenant (row-level security: a tenant sees only itself). */
export interface TenantRepository {
  /** Registers the transaction's tenant; `false` when it already exists. */
  create(displayName: string): Promise<boolean>;
  exists(): Promise<boolean>;
}

export function tenantRepository(client: ClientBase): TenantRepository {
  return {
    async create(displayName) {
      const result = await client.query(
        'INSERT INTO tenants (display_name) VALUES ($1) ON CONFLICT (tenant_id) DO NOTHING',
        [displayName],
      );
      return result.rowCount === 1;
    },
    async exists() {
      const result = await client.query(
        "SELECT 1 FROM tenants WHERE tenant_id = current_setting('app.tenant_id')",
      );
      return result.rowCount === 1;
    },
  };
}
