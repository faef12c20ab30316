import { productArchived, productNotFound } from '../domain/catalog-errors.js';
import type { Product } from '../domain/product.js';
import { assertRegionAdmin } from '../domain/region-access.js';
import type { Actor } from './actor.js';
import type { CatalogTransaction } from './ports.js';

/**
 * The start of every content change: the product row locked (`FOR UPDATE`: edits and stock changes of one
 * product queue here), then the product loaded ONCE for the rest of the transaction, then the checks
 * (`Catalog.ProductNotFound`, `Catalog.NotRegionAdmin`, `Catalog.ProductArchived`).
 *
 * Lock and load stay two statements: under READ COMMITTED a `SELECT … FOR UPDATE` that waited for another
 * edit re-reads the locked row but not its sub-selects (the SKUs), so one statement could return the new
 * row with the old SKUs. The second statement starts after the lock is held and sees everything committed.
 */
export async function loadForChange(
  tx: CatalogTransaction,
  actor: Actor,
  productId: string,
): Promise<Product> {
  if (!(await tx.products.lock(productId))) throw productNotFound();
  const product = await tx.products.load(productId);
  if (product === undefined) throw productNotFound();
  assertRegionAdmin(actor, product.ownerRegion);
  if (product.status === 'archived') throw productArchived();
  return product;
}
