import 'server-only';
import type { ListProductsResponse } from '@shopstream/proto/catalog/v1/catalog_service.js';
import type { Product } from '@shopstream/proto/catalog/v1/product.js';
import { callCatalog, type CatalogResult } from '@/server/catalog/catalog-client';
import type { ListingFilters } from './catalog-query';
import { DEFAULT_REGION, type ShopRegion } from './catalog-regions';

/** ProductSort.PRODUCT_SORT_NEWEST (the generated enum is not bundled: adr/0020). */
const SORT_NEWEST = 1;

/** One page of the storefront listing: ACTIVE products (the catalog's rule for anonymous readers), newest first. */
export function listProducts(
  filters: ListingFilters,
  pageToken: string,
  pageSize: number,
): Promise<CatalogResult<ListProductsResponse>> {
  return callCatalog(
    'listProducts',
    {
      page: { pageSize, pageToken },
      filter: {
        category: filters.category,
        region: filters.region,
        minPriceMinor: String(filters.minPriceMinor),
        maxPriceMinor: String(filters.maxPriceMinor),
        status: 0,
      },
      sort: SORT_NEWEST,
    },
    { deadlineMs: 3_000 },
  );
}

/** The home page's featured products: the newest in the default region. */
export function featuredProducts(count: number, region: ShopRegion = DEFAULT_REGION) {
  return listProducts({ category: '', region, minPriceMinor: 0, maxPriceMinor: 0 }, '', count);
}

/** One product by id (ACTIVE or ARCHIVED for shoppers; NOT_FOUND otherwise), unwrapped. */
export async function getProduct(productId: string): Promise<CatalogResult<Product>> {
  const result = await callCatalog('getProduct', { productId, minSequence: '0' }, { deadlineMs: 3_000 });
  if (!result.ok) return result;
  const product = result.value.product;
  return product
    ? { ok: true, value: product }
    : {
        ok: false,
        problem: { status: 404, code: 'Catalog.ProductNotFound', detail: 'no such product', errors: [] },
      };
}
