import Link from 'next/link';
import { PRODUCT_GRID_CLASS, ProductCard } from '@/components/product-card';
import { buttonVariants } from '@/components/ui/button';
import { featuredProducts } from '@/features/catalog/catalog-reads';
import { CatalogUnavailable } from '@/features/catalog/catalog-unavailable';

const FEATURED_COUNT = 8;

export default async function HomePage() {
  const featured = await featuredProducts(FEATURED_COUNT);
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
        {featured.ok ? (
          featured.value.products.length > 0 ? (
            <ul className={PRODUCT_GRID_CLASS}>
              {featured.value.products.map((product, index) => (
                // The first image is the largest paint on a phone (the hero text is smaller): preload it only.
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
        )}
      </section>
    </div>
  );
}
