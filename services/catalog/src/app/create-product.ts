import { parseCreateEnvelope } from '../domain/admin-commands.js';
import { fingerprint } from '../domain/canonical-json.js';
import type { Product } from '../domain/product.js';
import { productAfterChange } from '../domain/product-change.js';
import { parseProductInput } from '../domain/product-input.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import { planSkus } from '../domain/sku-plan.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { checkSkuCodes } from './check-sku-codes.js';
import { idempotently } from './idempotently.js';
import { afterCommit, recordVersion } from './record-version.js';

export interface CreateProductInput {
  readonly idempotencyKey: unknown;
  readonly ownerRegion: unknown;
  readonly product: unknown;
}

/**
 * Creates a product (version 1, sequence 1) owned by a region: validation (`Catalog.InvalidProduct` with
 * field errors), then the owner region's admin role (`Catalog.NotRegionAdmin`), then in ONE transaction the
 * product, its SKUs, prices, initial stock, price summary, version 1 and the `ProductChanged` outbox row.
 * Taken SKU codes → `Catalog.DuplicateSkuCode`. Idempotent by key: a retry returns the same product.
 */
export async function createProduct(
  deps: CatalogDeps,
  actor: Actor,
  input: CreateProductInput,
): Promise<Product> {
  const { idempotencyKey, ownerRegion } = parseCreateEnvelope(input);
  assertRegionAdmin(actor, ownerRegion);
  const draft = parseProductInput(input.product, actor.tenantId);
  const claim = {
    key: idempotencyKey,
    operation: 'CreateProduct',
    fingerprint: fingerprint({ by: actor.userId, ownerRegion, draft }),
  };
  const { result: product } = await deps.store.inTenant(actor.tenantId, (tx) =>
    idempotently(tx, claim, async () => {
      const plan = planSkus([], draft.skus, deps.newId);
      await checkSkuCodes(tx, plan.skus);
      const now = deps.clock.now();
      const header = {
        id: deps.newId(),
        tenantId: actor.tenantId,
        ownerRegion,
        version: 1,
        sequence: 1,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.userId,
      };
      await tx.products.insert(header, draft.content);
      await tx.skus.write(header.id, plan.skus);
      await tx.stock.insertInitial(
        plan.skus.flatMap((sku) => sku.initialStock.map((s) => ({ skuId: sku.id, ...s }))),
      );
      await tx.listing.refresh(header.id, { created: true });
      return recordVersion(tx, deps, {
        product: productAfterChange(header, draft.content, plan.skus),
        change: 'created',
        changedBy: actor.userId,
        changedAt: now,
        before: undefined,
        retiredSkuIds: [],
      });
    }),
  );
  await afterCommit(deps, {
    tenantId: actor.tenantId,
    productId: product.id,
    sequence: product.sequence,
    listsChanged: true,
  });
  return product;
}
