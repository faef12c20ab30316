import { callCatalogAs } from '@/server/catalog/catalog-transport';

/**
 * The product page's existence check, run by the proxy BEFORE the page renders: every page streams
 * behind a `loading.tsx` boundary, and once streaming has started `notFound()` can no longer change the
 * status from 200 (Next.js docs, loading.js "Status codes"). So the proxy asks the catalog first and
 * answers an unknown product with a real 404; the page then renders its not-found UI without asking again.
 */

/** Request header the proxy sets (and strips from clients) when the product does not exist. */
export const PRODUCT_MISSING_HEADER = 'x-shopstream-product-missing';

const PRODUCT_PATH = /^\/products\/([^/]+)\/?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isProductId(id: string): boolean {
  return UUID.test(id);
}

/**
 * True when `pathname` is a product page whose product is not there for a shopper of `tenantId`:
 * a malformed id, or NOT_FOUND from the catalog. Anything else (found, catalog down) renders normally.
 */
export async function isMissingProduct(pathname: string, tenantId: string): Promise<boolean> {
  const match = PRODUCT_PATH.exec(pathname);
  if (match === null) return false;
  const id = decodeURIComponent(match[1] ?? '');
  if (!isProductId(id)) return true;
  const result = await callCatalogAs(
    'getProduct',
    { productId: id, minSequence: '0' },
    { tenantId, deadlineMs: 2_000 },
  );
  return !result.ok && result.problem.status === 404;
}
