import Image from 'next/image';
import Link from 'next/link';
import type { ProductSummary } from '@shopstream/proto/catalog/v1/product.js';
import { formatMoney } from '@/features/catalog/catalog-regions';
import { mediaPath } from '@/features/catalog/media-key';

/** Grid columns of product lists: 2 on phones, 3 from 640 px, 4 from 1024 px (max-w-5xl main). */
export const PRODUCT_GRID_CLASS = 'grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-4';
/** `sizes` matching PRODUCT_GRID_CLASS: the 5xl container caps a card near 240 px. */
export const PRODUCT_CARD_IMAGE_SIZES = '(min-width: 1024px) 240px, (min-width: 640px) 33vw, 50vw';

/**
 * One product in a list: image, title (a link to the product), brand, lowest price in the region.
 * `preload` only for the card whose image is the page's largest contentful paint.
 */
export function ProductCard({ product, preload = false }: { product: ProductSummary; preload?: boolean }) {
  const media = product.primaryMedia;
  return (
    <li className="grid content-start gap-2 rounded-md border bg-card p-3 text-card-foreground">
      <div className="relative aspect-square overflow-hidden rounded bg-muted">
        {media ? (
          <Image
            src={mediaPath(media.key)}
            alt={media.altText}
            fill
            sizes={PRODUCT_CARD_IMAGE_SIZES}
            preload={preload}
            fetchPriority={preload ? 'high' : undefined}
            // The LCP image is decoded for the first paint it is in, not a frame later.
            decoding={preload ? 'sync' : 'async'}
            className="object-cover"
          />
        ) : null}
      </div>
      <h3 className="text-sm font-medium leading-snug">
        {/* No viewport prefetch: a grid of 12 links would fetch 12 pages a phone may never open. */}
        <Link
          href={`/products/${product.productId}`}
          prefetch={false}
          className="underline-offset-4 hover:underline"
        >
          {product.title}
        </Link>
      </h3>
      <p className="text-xs text-muted-foreground">{product.brand}</p>
      {product.fromPrice ? (
        <p className="text-sm font-semibold">From {formatMoney(product.fromPrice)}</p>
      ) : null}
    </li>
  );
}

/** Placeholder cards of the same size as ProductCard while a list streams in (no layout shift). */
export function ProductGridSkeleton({ count }: { count: number }) {
  return (
    <div role="status" className="grid gap-2">
      <span className="sr-only">Loading products…</span>
      <ul aria-hidden="true" className={PRODUCT_GRID_CLASS}>
        {Array.from({ length: count }, (_, i) => (
          <li key={i} className="grid content-start gap-2 rounded-md border p-3">
            <div className="aspect-square animate-pulse rounded bg-muted" />
            <div className="h-4 w-3/4 animate-pulse rounded bg-muted" />
            <div className="h-3 w-1/3 animate-pulse rounded bg-muted" />
          </li>
        ))}
      </ul>
    </div>
  );
}
