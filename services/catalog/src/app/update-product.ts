import { parseChangeEnvelope } from '../domain/admin-commands.js';
import { productArchived, productNotFound, versionConflict } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import { snapshotOf, type Product } from '../domain/product.js';
import { parseProductInput } from '../domain/product-input.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import { planSkus } from '../domain/sku-plan.js';
import { isUniqueViolation } from '../infra/pg-errors.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './catalog-deps.js';
import { checkSkuCodes, concurrentSkuCode } from './check-sku-codes.js';
import { idempotently } from './idempotently.js';
import { afterCommit, recordVersion } from './record-version.js';

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
  const { result: product } = await deps.store
    .inTenant(actor.tenantId, (tx) =>
      idempotently(tx, claim, async () => {
        const locked = await tx.products.lock(productId);
        if (locked === undefined) throw productNotFound();
        assertRegionAdmin(actor, locked.ownerRegion);
        if (locked.status === 'archived') throw productArchived();
        if (locked.version !== expectedVersion) throw versionConflict(expectedVersion, locked.version);
        const before = await tx.products.load(productId);
        if (before === undefined) throw productNotFound();
        const plan = planSkus(
          before.skus.map((s) => s.id),
          draft.skus,
          deps.newId,
        );
        await checkSkuCodes(tx, plan.skus);
        const renamed = plan.skus.some(
          (s) => !s.isNew && before.skus.find((b) => b.id === s.id)?.code !== s.code,
        );
        if (renamed) await tx.deferSkuCodeCheck();
        const now = deps.clock.now();
        await tx.products.update(productId, draft.content, {
          version: locked.version + 1,
          sequence: locked.sequence + 1,
          updatedAt: now,
          updatedBy: actor.userId,
        });
        await tx.skus.write(productId, plan.skus);
        await tx.skus.retire(plan.retiredIds, now);
        await tx.stock.insertInitial(
          plan.skus
            .filter((s) => s.isNew)
            .flatMap((sku) => sku.initialStock.map((s) => ({ skuId: sku.id, ...s }))),
        );
        await tx.listing.refresh(productId);
        return recordVersion(tx, deps, {
          productId,
          change: 'updated',
          changedBy: actor.userId,
          changedAt: now,
          before: snapshotOf(before),
          retiredSkuIds: plan.retiredIds,
        });
      }),
    )
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'skus_code_key') ? concurrentSkuCode() : err;
    });
  await afterCommit(deps, {
    tenantId: actor.tenantId,
    productId,
    sequence: product.sequence,
    listsChanged: true,
  });
  return product;
}
