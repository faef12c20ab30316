import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { randomUUID } from 'node:crypto';
import { ProductDetail } from '@/components/product-detail';
import { AddToCartForm } from '@/features/cart/add-to-cart-form';
import { variantChoices } from '@/features/cart/variant-choices';
import { PRODUCT_STATUS } from '@/lib/catalog-enums';
import { csrfToken } from '@/server/identity/session';
import { isShopRegion, DEFAULT_REGION } from '@/features/catalog/catalog-regions';
import { getProduct } from '@/features/catalog/catalog-reads';
import { CatalogUnavailable } from '@/features/catalog/catalog-unavailable';
import type { SearchParams } from '@/features/catalog/catalog-query';
import { isProductId } from '@/features/catalog/product-id';

/**
 * One read per request, shared by the metadata and the page. No `loading.tsx` sits above this page
 * (adr/0024), so nothing streams before the read: `notFound()` makes the response a real HTTP 404.
 */
const readProduct = cache(async (id: string) => (isProductId(id) ? getProduct(id) : undefined));

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<SearchParams>;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const result = await readProduct((await params).id);
  return { title: result?.ok ? result.value.title : 'Product' };
}

export default async function ProductPage({ params, searchParams }: Props) {
  const [{ id }, search] = await Promise.all([params, searchParams]);
  const result = await readProduct(id);
  if (result === undefined || (!result.ok && result.problem.status === 404)) notFound();
  if (!result.ok) {
    return (
      <div className="grid gap-4">
        <h1 className="text-2xl font-semibold">Product</h1>
        <CatalogUnavailable detail={result.problem.detail} />
      </div>
    );
  }
  const wanted = typeof search.region === 'string' ? search.region : '';
  const region = isShopRegion(wanted) ? wanted : DEFAULT_REGION;
  const product = result.value;
  const variants = variantChoices(product, region);
  // One idempotency key per rendered form (adr/0023); the form gets the next one from each success.
  const buy =
    product.status === PRODUCT_STATUS.ACTIVE && variants.length > 0 ? (
      <AddToCartForm
        productId={product.productId}
        region={region}
        variants={variants}
        idempotencyKey={randomUUID()}
        csrf={await csrfToken()}
      />
    ) : undefined;
  return <ProductDetail product={product} region={region} buy={buy} />;
}
