import { parseCreateEnvelope } from '../domain/admin-commands.js';
import { fingerprint } from '../domain/canonical-json.js';
import type { Product } from '../domain/product.js';
import { parseProductInput } from '../domain/product-input.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import { planSkus } from '../domain/sku-plan.js';
import { isUniqueViolation } from '../infra/pg-errors.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './catalog-deps.js';
import { checkSkuCodes, concurrentSkuCode } from './check-sku-codes.js';
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
  const { result: product } = await deps.store
    .inTenant(actor.tenantId, (tx) =>
      idempotently(tx, claim, async () => {
        const plan = planSkus([], draft.skus, deps.newId);
        await checkSkuCodes(tx, plan.skus);
        const now = deps.clock.now();
        const id = deps.newId();
        await tx.products.insert(
          {
            id,
            tenantId: actor.tenantId,
            ownerRegion,
            version: 1,
            sequence: 1,
            createdAt: now,
            updatedAt: now,
            updatedBy: actor.userId,
          },
          draft.content,
        );
        await tx.skus.write(id, plan.skus);
        await tx.stock.insertInitial(
          plan.skus.flatMap((sku) => sku.initialStock.map((s) => ({ skuId: sku.id, ...s }))),
        );
        await tx.listing.refresh(id, { created: true });
        return recordVersion(tx, deps, {
          productId: id,
          change: 'created',
          changedBy: actor.userId,
          changedAt: now,
          before: undefined,
          retiredSkuIds: [],
        });
      }),
    )
    .catch((err: unknown) => {
      throw isUniqueViolation(err, 'skus_code_key') ? concurrentSkuCode() : err;
    });
  await afterCommit(deps, {
    tenantId: actor.tenantId,
    productId: product.id,
    sequence: product.sequence,
    listsChanged: true,
  });
  return product;
}
