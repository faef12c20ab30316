import type { ClientBase, Pool } from 'pg';
import { enqueueEvent, withTenant } from '@shopstream/service-defaults/postgres';
import type { CatalogStore, CatalogTransaction } from '../app/ports.js';
import { concurrentSkuCode } from '../domain/catalog-errors.js';
import { idempotencyRepository } from './idempotency-repository.js';
import { listingRepository } from './listing-repository.js';
import { isUniqueViolation } from './pg-errors.js';
import { productRepository } from './product-repository.js';
import { reservationRepository } from './reservation-repository.js';
import { skuRepository } from './sku-repository.js';
import { stockRepository } from './stock-repository.js';
import { versionRepository } from './version-repository.js';

export type { CatalogStore, CatalogTransaction };

export function createCatalogStore(pool: Pool): CatalogStore {
  return {
    // A SKU code taken by a concurrent change passes `checkSkuCodes` and fails the unique constraint at
    // write or COMMIT: that is the domain's `Catalog.DuplicateSkuCode`, not an internal error.
    inTenant: (tenantId, fn) =>
      withTenant(pool, tenantId, (client) => fn(catalogTransaction(client, tenantId))).catch(
        (err: unknown) => {
          throw isUniqueViolation(err, 'skus_code_key') ? concurrentSkuCode() : err;
        },
      ),
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
