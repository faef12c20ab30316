import { parseChangeEnvelope } from '../domain/admin-commands.js';
import { versionConflict } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import { snapshotOf, type Product } from '../domain/product.js';
import { contentOf } from '../domain/patch-merge.js';
import { nextVersion } from '../domain/product-change.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { idempotently } from './idempotently.js';
import { loadForChange } from './load-for-change.js';
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
      const before = await loadForChange(tx, actor, productId);
      if (before.version !== expectedVersion) throw versionConflict(expectedVersion, before.version);
      const now = deps.clock.now();
      const next = nextVersion(before, actor.userId, now);
      const archived: Product = { ...before, ...next, status: 'archived' };
      await tx.products.update(productId, contentOf(archived), next);
      return recordVersion(tx, deps, {
        product: archived,
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
