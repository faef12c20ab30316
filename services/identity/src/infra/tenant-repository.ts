import type { ClientBase } from 'pg';
import type { TenantRepository } from '../app/ports.js';

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
