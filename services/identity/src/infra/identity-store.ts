import type { ClientBase, Pool } from 'pg';
import { enqueueEvent, withTenant } from '@shopstream/service-defaults/postgres';
import { credentialRepository } from './credential-repository.js';
import { refreshFamilyRepository } from './refresh-family-repository.js';
import { tenantRepository } from './tenant-repository.js';
import { userRepository } from './user-repository.js';
import type { IdentityStore, TenantTransaction } from '../app/ports.js';

export function createIdentityStore(pool: Pool): IdentityStore {
  return {
    inTenant: (tenantId, fn) =>
      withTenant(pool, tenantId, (client) => fn(tenantTransaction(client, tenantId))),
  };
}

export function tenantTransaction(client: ClientBase, tenantId: string): TenantTransaction {
  return {
    tenantId,
    tenants: tenantRepository(client),
    users: userRepository(client),
    credentials: credentialRepository(client),
    refreshFamilies: refreshFamilyRepository(client),
    enqueue: (entry) => enqueueEvent(client, entry),
  };
}
