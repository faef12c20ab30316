import Link from 'next/link';
import { Suspense } from 'react';
import { PRODUCT_GRID_CLASS, ProductCard, ProductGridSkeleton } from '@/components/product-card';
import { buttonVariants } from '@/components/ui/button';
import { featuredProducts } from '@/features/catalog/catalog-reads';
import { CatalogUnavailable } from '@/features/catalog/catalog-unavailable';

const FEATURED_COUNT = 8;

/** The hero is in the first flush (it is the page's first paint); the featured grid streams in after it. */
export default function HomePage() {
  return (
    <div className="grid gap-8">
      <section className="grid gap-4 py-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Shop the stream</h1>
        <p className="max-w-prose text-muted-foreground">
          Shopstream is a multi-tenant shop: browse products from independent sellers, follow what your
          friends buy, and check out in one go.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/products" className={buttonVariants()}>
            Browse the catalog
          </Link>
          <Link href="/sign-up" className={buttonVariants({ variant: 'outline' })}>
            Create an account
          </Link>
        </div>
      </section>
      <section aria-labelledby="featured-title" className="grid gap-4">
        <h2 id="featured-title" className="text-xl font-semibold">
          Featured products
        </h2>
        <Suspense fallback={<ProductGridSkeleton count={4} />}>
          <FeaturedProducts />
        </Suspense>
      </section>
    </div>
  );
}

async function FeaturedProducts() {
  const featured = await featuredProducts(FEATURED_COUNT);
  return featured.ok ? (
    featured.value.products.length > 0 ? (
      <ul className={PRODUCT_GRID_CLASS}>
        {featured.value.products.map((product, index) => (
          // The first image is the largest paint of the grid: preload it, and only it.
          <ProductCard key={product.productId} product={product} preload={index === 0} />
        ))}
      </ul>
    ) : (
      <p className="text-sm text-muted-foreground">
        No products yet: they appear here once sellers add some.
      </p>
    )
  ) : (
    <CatalogUnavailable detail={featured.problem.detail} />
  );
}
