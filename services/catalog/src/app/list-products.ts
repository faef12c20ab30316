import { encodePageToken, parseListQuery, type ListProductsInput } from '../domain/list-query.js';
import { isCatalogAdmin } from '../domain/region-access.js';
import type { CatalogDeps } from './catalog-deps.js';
import type { CachedListPage } from './read-cache.js';
import type { Viewer } from './viewer.js';

/**
 * One page of products, newest / title / price order, each ending with the id (stable keyset pagination:
 * a product created while paging shows up on no page or one page, never twice). Pages are cached per tenant
 * list generation (adr/0017), which every content change moves on.
 */
export async function listProducts(
  deps: Pick<CatalogDeps, 'store' | 'cache'>,
  viewer: Viewer,
  input: ListProductsInput,
  options: { readonly bypassCache: boolean },
): Promise<CachedListPage> {
  const query = parseListQuery(input, { catalogAdmin: isCatalogAdmin(viewer.principal) });
  const key = `${query.fingerprint}:${query.pageSize}:${input.page.pageToken}`;
  const cached = options.bypassCache ? undefined : await deps.cache.getList(viewer.tenantId, key);
  if (cached?.page !== undefined) return cached.page;
  const page = await deps.store.inTenant(viewer.tenantId, (tx) => tx.listing.list(query));
  const result: CachedListPage = {
    items: page.items,
    nextPageToken: page.next === undefined ? '' : encodePageToken(page.next, query.fingerprint),
  };
  if (cached !== undefined) await deps.cache.putList(viewer.tenantId, key, cached.generation, result);
  return result;
}
