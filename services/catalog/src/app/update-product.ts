import { parseChangeEnvelope } from '../domain/admin-commands.js';
import { versionConflict } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import type { Product } from '../domain/product.js';
import { parseProductInput } from '../domain/product-input.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { idempotently } from './idempotently.js';
import { loadForChange } from './load-for-change.js';
import { afterCommit } from './record-version.js';
import { writeContentChange } from './write-content-change.js';

export interface UpdateProductInput {
  readonly idempotencyKey: unknown;
  readonly productId: unknown;
  readonly expectedVersion: unknown;
  readonly product: unknown;
}

/**
 * Replaces a product's content, creating version N+1, if `expectedVersion` is N (optimistic concurrency
 * under the product's row lock: of two admins editing version N, one wins and the other gets
 * `Catalog.VersionConflict` — nothing written for it, no version, no event). Order of checks: input
 * (`Catalog.InvalidProduct`), product exists in the tenant (`Catalog.ProductNotFound`), owner region admin
 * (`Catalog.NotRegionAdmin`), not archived (`Catalog.ProductArchived`), version. SKUs left out are retired.
 * EditProduct (edit-product.ts) changes named fields only and merges with concurrent edits.
 */
export async function updateProduct(
  deps: CatalogDeps,
  actor: Actor,
  input: UpdateProductInput,
): Promise<Product> {
  const { idempotencyKey, productId, expectedVersion } = parseChangeEnvelope(input);
  const draft = parseProductInput(input.product, actor.tenantId);
  const claim = {
    key: idempotencyKey,
    operation: 'UpdateProduct',
    fingerprint: fingerprint({ by: actor.userId, productId, expectedVersion, draft }),
  };
  const { result: product } = await deps.store.inTenant(actor.tenantId, (tx) =>
    idempotently(tx, claim, async () => {
      const before = await loadForChange(tx, actor, productId);
      if (before.version !== expectedVersion) throw versionConflict(expectedVersion, before.version);
      return (await writeContentChange(tx, deps, actor, before, draft)).product;
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
