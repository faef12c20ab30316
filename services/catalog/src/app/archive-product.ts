import { parseChangeEnvelope } from '../domain/admin-commands.js';
import { productArchived, productNotFound, versionConflict } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import { snapshotOf, type Product } from '../domain/product.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './catalog-deps.js';
import { idempotently } from './idempotently.js';
import { afterCommit, recordVersion } from './record-version.js';

export interface ArchiveProductInput {
  readonly idempotencyKey: unknown;
  readonly productId: unknown;
  readonly expectedVersion: unknown;
}

/**
 * Archives a product (status `archived`, version N+1, final: no later edits), with the same checks as
 * `updateProduct`. An archived product stays readable by id (orders refer to it) but is never listed or sold.
 */
export async function archiveProduct(
  deps: CatalogDeps,
  actor: Actor,
  input: ArchiveProductInput,
): Promise<Product> {
  const { idempotencyKey, productId, expectedVersion } = parseChangeEnvelope(input);
  const claim = {
    key: idempotencyKey,
    operation: 'ArchiveProduct',
    fingerprint: fingerprint({ by: actor.userId, productId, expectedVersion }),
  };
  const { result: product } = await deps.store.inTenant(actor.tenantId, (tx) =>
    idempotently(tx, claim, async () => {
      const locked = await tx.products.lock(productId);
      if (locked === undefined) throw productNotFound();
      assertRegionAdmin(actor, locked.ownerRegion);
      if (locked.status === 'archived') throw productArchived();
      if (locked.version !== expectedVersion) throw versionConflict(expectedVersion, locked.version);
      const before = await tx.products.load(productId);
      if (before === undefined) throw productNotFound();
      const now = deps.clock.now();
      await tx.products.update(
        productId,
        { ...before, status: 'archived' },
        {
          version: locked.version + 1,
          sequence: locked.sequence + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        },
      );
      return recordVersion(tx, deps, {
        productId,
        change: 'archived',
        changedBy: actor.userId,
        changedAt: now,
        before: snapshotOf(before),
        retiredSkuIds: [],
      });
    }),
  );
  await afterCommit(deps, {
    tenantId: actor.tenantId,
    productId,
    sequence: product.sequence,
    listsChanged: true,
  });
  return product;
}
