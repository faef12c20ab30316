import { productNotFound } from '../domain/catalog-errors.js';
import { productIdSchema } from '../domain/admin-commands.js';
import type { Product } from '../domain/product.js';
import { isCatalogAdmin } from '../domain/region-access.js';
import type { CatalogDeps } from './ports.js';
import type { Viewer } from './viewer.js';

export interface GetProductInput {
  readonly productId: unknown;
  /** The caller's highest seen sequence; a cached copy older than this is skipped. */
  readonly minSequence: number;
  /** `cache-control: no-cache`: read Postgres (and refresh the cache). */
  readonly bypassCache: boolean;
}

/**
 * One product through the read cache (adr/0017): a cached copy is used only if it is not older than the
 * product's floor and `minSequence`; otherwise Postgres answers and the copy is refreshed. Drafts are
 * `Catalog.ProductNotFound` for anyone but catalog admins; so are malformed ids and other tenants' products.
 */
export async function getProduct(
  deps: Pick<CatalogDeps, 'store' | 'cache'>,
  viewer: Viewer,
  input: GetProductInput,
): Promise<Product> {
  const id = productIdSchema.safeParse(input.productId);
  if (!id.success) throw productNotFound();
  let product = input.bypassCache
    ? undefined
    : await deps.cache.getProduct(viewer.tenantId, id.data, input.minSequence);
  if (product === undefined) {
    product = await deps.store.inTenant(viewer.tenantId, (tx) => tx.products.load(id.data));
    if (product !== undefined) await deps.cache.putProduct(product);
  }
  if (product === undefined || (product.status === 'draft' && !isCatalogAdmin(viewer.principal)))
    throw productNotFound();
  return product;
}
