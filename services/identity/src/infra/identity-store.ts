import type { ClientBase, Pool } from 'pg';
import { enqueueEvent, withTenant, type OutboxEntry } from '@shopstream/service-defaults/postgres';
import type { CloudEvent } from '@shopstream/service-defaults';
import { credentialRepository, type CredentialRepository } from './credential-repository.js';
import { refreshFamilyRepository, type RefreshFamilyRepository } from './refresh-family-repository.js';
import { tenantRepository, type TenantRepository } from './tenant-repository.js';
import { userRepository, type UserRepository } from './user-repository.js';

/** Everything a use case may touch inside ONE tenant-scoped transaction. */
export interface TenantTransaction {
  readonly tenantId: string;
  readonly tenants: TenantRepository;
  readonly users: UserRepository;
  readonly credentials: CredentialRepository;
  readonly refreshFamilies: RefreshFamilyRepository;
  /** Writes an event to the outbox in this transaction: published if and only if it commits. */
  enqueue<T>(entry: OutboxEntry<T>): Promise<CloudEvent<T>>;
}

/** Identity's Postgres, seen by the use cases. */
export interface IdentityStore {
  /**
   * Runs `fn` in one transaction with row-level security set to `tenantId` (`withTenant`): it commits when
   * `fn` resolves and rolls back when it throws. Throws `Tenant.Invalid` for a malformed id.
   */
  inTenant<T>(tenantId: string, fn: (tx: TenantTransaction) => Promise<T>): Promise<T>;
}

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
