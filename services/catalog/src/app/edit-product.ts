import { parseChangeEnvelope } from '../domain/admin-commands.js';
import { versionConflict } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import { conflictingFields, mergePatch } from '../domain/patch-merge.js';
import type { Product } from '../domain/product.js';
import { parseProductPatch } from '../domain/product-patch.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { idempotently } from './idempotently.js';
import { loadForChange } from './load-for-change.js';
import { afterCommit } from './record-version.js';
import { writeContentChange } from './write-content-change.js';

export interface EditProductInput {
  readonly idempotencyKey: unknown;
  readonly productId: unknown;
  readonly expectedVersion: unknown;
  readonly patch: unknown;
  readonly updateMask: unknown;
}

/**
 * EditProduct (adr/0035): changes the fields the mask names, merged into the product as it is under its row
 * lock, in one transaction that loads the product once. Based on an older version than the current one, the
 * edit still lands unless a version since then changed one of its fields (`Catalog.VersionConflict`, nothing
 * written). An edit that changes nothing writes nothing and returns the product as it is. Checks as
 * UpdateProduct: input, product, owner region admin, not archived, then versions.
 */
export async function editProduct(
  deps: CatalogDeps,
  actor: Actor,
  input: EditProductInput,
): Promise<Product> {
  const { idempotencyKey, productId, expectedVersion } = parseChangeEnvelope(input);
  const patch = parseProductPatch(input, actor.tenantId);
  const claim = {
    key: idempotencyKey,
    operation: 'EditProduct',
    fingerprint: fingerprint({ by: actor.userId, productId, expectedVersion, patch }),
  };
  const { result } = await deps.store.inTenant(actor.tenantId, (tx) =>
    idempotently(tx, claim, async () => {
      const current = await loadForChange(tx, actor, productId);
      if (expectedVersion > current.version) throw versionConflict(expectedVersion, current.version);
      if (expectedVersion < current.version) {
        const later = await tx.versions.after(productId, expectedVersion);
        const clashes = conflictingFields(patch, later);
        if (clashes.length > 0) throw versionConflict(expectedVersion, current.version, clashes);
      }
      return writeContentChange(tx, deps, actor, current, mergePatch(current, patch), {
        skusField: 'patch.skus',
        skipIfUnchanged: true,
      });
    }),
  );
  if (result.changed)
    await afterCommit(deps, {
      tenantId: actor.tenantId,
      productId,
      sequence: result.product.sequence,
      listsChanged: true,
    });
  return result.product;
}
