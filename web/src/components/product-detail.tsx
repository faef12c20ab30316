import Image from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Product, Sku } from '@shopstream/proto/catalog/v1/product.js';
import { formatMoney, SHOP_REGIONS, type ShopRegion } from '@/features/catalog/catalog-regions';
import { mediaPath } from '@/features/catalog/media-key';
import { PRODUCT_STATUS } from '@/lib/catalog-enums';
import { cn } from '@/lib/cn';

function optionsText(sku: Sku): string {
  const entries = Object.entries(sku.options).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0 ? '—' : entries.map(([name, value]) => `${name}: ${value}`).join(', ');
}

function stockText(sku: Sku, region: ShopRegion): string {
  const available = Number(sku.stock.find((s) => s.region === region)?.available ?? '0');
  if (available <= 0) return 'Out of stock';
  return available < 5 ? `Only ${available} left` : `In stock (${available})`;
}

/**
 * A product page's content: image (the page's LCP, preloaded), title, brand, category, description, the
 * variants with price and stock in the chosen region, and links to the other regions (no JavaScript).
 */
export function ProductDetail({
  product,
  region,
  buy,
}: {
  product: Product;
  region: ShopRegion;
  /** The add-to-cart form (absent when nothing can be bought here). */
  buy?: ReactNode;
}) {
  const media = product.media[0];
  const priced = product.skus.map((sku) => ({
    sku,
    price: sku.prices.find((p) => p.region === region)?.price,
  }));
  const lowest = priced
    .flatMap(({ price }) => (price ? [price] : []))
    .sort((a, b) => Number(a.amountMinor) - Number(b.amountMinor))[0];
  const attributes = Object.entries(product.attributes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <article className="grid gap-8 md:grid-cols-2">
      <div className="relative aspect-square overflow-hidden rounded-md border bg-muted">
        {media ? (
          <Image
            src={mediaPath(media.key)}
            alt={media.altText}
            fill
            sizes="(min-width: 1024px) 480px, (min-width: 768px) 50vw, 100vw"
            preload
            fetchPriority="high"
            decoding="sync"
            className="object-cover"
          />
        ) : null}
      </div>
      <div className="grid content-start gap-4">
        <div className="grid gap-1">
          <p className="text-sm text-muted-foreground">
            <Link
              href={`/products?category=${encodeURIComponent(product.category)}`}
              className="underline-offset-4 hover:underline"
            >
              {product.category}
            </Link>
          </p>
          <h1 className="text-2xl font-semibold">{product.title}</h1>
          <p className="text-muted-foreground">{product.brand}</p>
        </div>
        {product.status === PRODUCT_STATUS.ARCHIVED ? (
          <p className="rounded-md border p-3 text-sm">This product is no longer sold.</p>
        ) : null}
        <p className="text-xl font-semibold">
          {lowest ? `From ${formatMoney(lowest)}` : 'Not sold in this region'}
        </p>
        {buy}
        <nav aria-label="Region" className="flex flex-wrap gap-2 text-sm">
          <span className="text-muted-foreground">Prices for:</span>
          {SHOP_REGIONS.map((r) => (
            <Link
              key={r.region}
              href={`/products/${product.productId}?region=${r.region}`}
              prefetch={false}
              aria-current={r.region === region ? 'true' : undefined}
              className={cn(
                'underline-offset-4 hover:underline',
                r.region === region && 'font-semibold underline',
              )}
            >
              {r.label}
            </Link>
          ))}
        </nav>
        {product.description !== '' ? (
          <p className="whitespace-pre-line text-sm leading-relaxed">{product.description}</p>
        ) : null}
        <section aria-labelledby="variants-title" className="grid gap-2">
          <h2 id="variants-title" className="text-lg font-semibold">
            Variants
          </h2>
          <table className="w-full text-left text-sm">
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Variant
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Options
                </th>
                <th scope="col" className="py-1 pr-2 font-medium">
                  Price
                </th>
                <th scope="col" className="py-1 font-medium">
                  Stock
                </th>
              </tr>
            </thead>
            <tbody>
              {priced.map(({ sku, price }) => (
                <tr key={sku.skuId} className="border-t">
                  <th scope="row" className="py-2 pr-2 font-mono text-xs font-normal">
                    {sku.code}
                  </th>
                  <td className="py-2 pr-2">{optionsText(sku)}</td>
                  <td className="py-2 pr-2">{price ? formatMoney(price) : 'Not sold here'}</td>
                  <td className="py-2">{price ? stockText(sku, region) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        {attributes.length > 0 ? (
          <section aria-labelledby="details-title" className="grid gap-2">
            <h2 id="details-title" className="text-lg font-semibold">
              Details
            </h2>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              {attributes.map(([name, value]) => (
                <div key={name} className="contents">
                  <dt className="text-muted-foreground">{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </div>
    </article>
  );
}
