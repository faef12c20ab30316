import type { ClientBase, Pool } from 'pg';
import type { CloudEvent } from '@shopstream/service-defaults';
import { enqueueEvent, withTenant, type OutboxEntry } from '@shopstream/service-defaults/postgres';
import { idempotencyRepository, type IdempotencyRepository } from './idempotency-repository.js';
import { listingRepository, type ListingRepository } from './listing-repository.js';
import { productRepository, type ProductRepository } from './product-repository.js';
import { reservationRepository, type ReservationRepository } from './reservation-repository.js';
import { skuRepository, type SkuRepository } from './sku-repository.js';
import { stockRepository, type StockRepository } from './stock-repository.js';
import { versionRepository, type VersionRepository } from './version-repository.js';

/** Everything a use case may touch inside ONE tenant-scoped transaction. */
export interface CatalogTransaction {
  readonly tenantId: string;
  readonly products: ProductRepository;
  readonly skus: SkuRepository;
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  readonly versions: VersionRepository;
  readonly listing: ListingRepository;
  readonly idempotency: IdempotencyRepository;
  /** Writes an event to the outbox in this transaction: published if and only if it commits. */
  enqueue<T>(entry: OutboxEntry<T>): Promise<CloudEvent<T>>;
  /** Defers the SKU-code uniqueness check to COMMIT (lets an edit swap two codes). */
  deferSkuCodeCheck(): Promise<void>;
}

/** The catalog's Postgres, seen by the use cases. */
export interface CatalogStore {
  /**
   * Runs `fn` in one transaction with row-level security set to `tenantId` (`withTenant`): commits when `fn`
   * resolves, rolls back when it throws. Throws `Tenant.Invalid` for a malformed id.
   */
  inTenant<T>(tenantId: string, fn: (tx: CatalogTransaction) => Promise<T>): Promise<T>;
}

export function createCatalogStore(pool: Pool): CatalogStore {
  return {
    inTenant: (tenantId, fn) =>
      withTenant(pool, tenantId, (client) => fn(catalogTransaction(client, tenantId))),
  };
}

export function catalogTransaction(client: ClientBase, tenantId: string): CatalogTransaction {
  return {
    tenantId,
    products: productRepository(client),
    skus: skuRepository(client),
    stock: stockRepository(client),
    reservations: reservationRepository(client),
    versions: versionRepository(client),
    listing: listingRepository(client),
    idempotency: idempotencyRepository(client),
    enqueue: (entry) => enqueueEvent(client, entry),
    async deferSkuCodeCheck() {
      await client.query('SET CONSTRAINTS skus_code_key DEFERRED');
    },
  };
}
