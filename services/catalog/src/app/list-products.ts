import { encodePageToken, parseListQuery, type ListProductsInput } from '../domain/list-query.js';
import { isCatalogAdmin } from '../domain/region-access.js';
import type { CatalogDeps } from './ports.js';
import type { CachedListPage } from './ports.js';
import type { Viewer } from './viewer.js';

/**
 * One page of products, newest / title / price order, each ending with the id (stable keyset pagination:
 * a product created while paging shows up on no page or one page, never twice). Pages are cached per tenant
 * list generation (adr/0017), which every content change moves on. A page with stock (`includeStock`) is
 * read from Postgres and not cached: stock changes do not move the generation.
 */
export async function listProducts(
  deps: Pick<CatalogDeps, 'store' | 'cache'>,
  viewer: Viewer,
  input: ListProductsInput,
  options: { readonly bypassCache: boolean },
): Promise<CachedListPage> {
  const query = parseListQuery(input, { catalogAdmin: isCatalogAdmin(viewer.principal) });
  // `s2`: the summary shape (updated_at, SKU count, owner-region price); pages cached before it are not read.
  const key = `s2:${query.fingerprint}:${query.pageSize}:${input.page.pageToken}`;
  const uncached = options.bypassCache || query.includeStock;
  const cached = uncached ? undefined : await deps.cache.getList(viewer.tenantId, key);
  if (cached?.page !== undefined) return cached.page;
  const page = await deps.store.inTenant(viewer.tenantId, (tx) => tx.listing.list(query));
  const result: CachedListPage = {
    items: page.items,
    nextPageToken: page.next === undefined ? '' : encodePageToken(page.next, query.fingerprint),
  };
  if (cached !== undefined) await deps.cache.putList(viewer.tenantId, key, cached.generation, result);
  return result;
}
