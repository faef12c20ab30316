import type { Metadata } from 'next';
import Link from 'next/link';
import { PRODUCT_GRID_CLASS, ProductCard } from '@/components/product-card';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import {
  LISTING_PAGE_SIZE,
  listingHref,
  parseListingQuery,
  type SearchParams,
} from '@/features/catalog/catalog-query';
import { listProducts } from '@/features/catalog/catalog-reads';
import { CatalogUnavailable } from '@/features/catalog/catalog-unavailable';
import { ListingFilters } from '@/features/catalog/listing-filters';

export const metadata: Metadata = { title: 'Products' };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const query = parseListingQuery(await searchParams);
  const invalid = Object.keys(query.errors).length > 0;
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Products</h1>
      <ListingFilters query={query} />
      {query.badPageToken ? <Alert>That page link was not valid, so here is the first page.</Alert> : null}
      {invalid ? (
        <Alert variant="destructive">Some filters are not valid: correct them above to see products.</Alert>
      ) : (
        // The results are in the first flush with the heading and the form: the first product image is
        // the page's LCP, and a streamed boundary is revealed only after hydration (adr/0024).
        <ListingResults query={query} />
      )}
    </div>
  );
}

async function ListingResults({ query }: { query: ReturnType<typeof parseListingQuery> }) {
  const result = await listProducts(query.filters, query.pageToken, LISTING_PAGE_SIZE);
  if (!result.ok) {
    if (result.problem.code === 'Web.CatalogUnavailable')
      return <CatalogUnavailable detail={result.problem.detail} />;
    // INVALID_ARGUMENT from the catalog: a cursor issued for other filters (an edited link).
    return (
      <Alert variant="destructive">
        These filters and this page do not go together.{' '}
        <Link href={listingHref(query.input, '', [])} className="underline underline-offset-4">
          Go to the first page
        </Link>
        .
      </Alert>
    );
  }
  const { products, page } = result.value;
  const next = page?.nextPageToken ?? '';
  const previous = query.trail.at(-1);
  return (
    <section aria-labelledby="results-title" className="grid gap-4">
      <h2 id="results-title" className="sr-only">
        Results
      </h2>
      {products.length === 0 ? (
        <p className="text-muted-foreground">No products match these filters.</p>
      ) : (
        <ul className={PRODUCT_GRID_CLASS}>
          {products.map((product, index) => (
            <ProductCard key={product.productId} product={product} preload={index === 0} />
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex flex-wrap gap-3">
        {previous !== undefined ? (
          <Link
            href={listingHref(query.input, previous, query.trail.slice(0, -1))}
            rel="prev"
            className={buttonVariants({ variant: 'outline' })}
          >
            Previous page
          </Link>
        ) : query.pageToken !== '' ? (
          <Link href={listingHref(query.input, '', [])} className={buttonVariants({ variant: 'outline' })}>
            First page
          </Link>
        ) : null}
        {next !== '' ? (
          <Link
            href={listingHref(query.input, next, [...query.trail, query.pageToken])}
            rel="next"
            className={buttonVariants({ variant: 'outline' })}
          >
            Next page
          </Link>
        ) : null}
      </nav>
    </section>
  );
}
