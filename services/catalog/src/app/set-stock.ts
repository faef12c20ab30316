import { notStocked, skuNotFound } from '../domain/catalog-errors.js';
import { fingerprint } from '../domain/canonical-json.js';
import type { StockLevel } from '../domain/product.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import { parseSetStock } from '../domain/stock-request.js';
import type { Actor } from './actor.js';
import type { CatalogDeps } from './ports.js';
import { idempotently } from './idempotently.js';
import { afterCommit } from './record-version.js';
import { recordStockChange } from './stock-change.js';

/**
 * SetStock (stock-taking, deliveries): sets `available` of a SKU in a region where it has a price (else
 * `Catalog.NotStocked`); open reservations stay as they are. Owner region admins only. Idempotent by key.
 */
export async function setStock(
  deps: CatalogDeps,
  actor: Actor,
  input: unknown,
): Promise<{ stock: StockLevel; sequence: number }> {
  const request = parseSetStock(input);
  const claim = {
    key: request.idempotencyKey,
    operation: 'SetStock',
    fingerprint: fingerprint({
      by: actor.userId,
      skuId: request.skuId,
      region: request.region,
      available: request.available,
    }),
  };
  const { result, replayed } = await deps.store.inTenant(actor.tenantId, async (tx) => {
    const sku = await tx.skus.owner(request.skuId);
    if (sku === undefined) throw skuNotFound();
    assertRegionAdmin(actor, sku.ownerRegion);
    return idempotently(tx, claim, async () => {
      const prices = await tx.skus.prices(sku.skuId);
      if (!prices.some((p) => p.region === request.region)) throw notStocked(request.region);
      const stock = await tx.stock.set(sku.skuId, request.region, request.available);
      const { sequence } = await recordStockChange(tx, deps, sku);
      return { stock, sequence, productId: sku.productId };
    });
  });
  if (!replayed)
    await afterCommit(deps, {
      tenantId: actor.tenantId,
      productId: result.productId,
      sequence: result.sequence,
      listsChanged: false,
    });
  return { stock: result.stock, sequence: result.sequence };
}
