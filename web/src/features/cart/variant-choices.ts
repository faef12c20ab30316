import type { Product } from '@shopstream/proto/catalog/v1/product.js';
import { formatMoney, type ShopRegion } from '@/features/catalog/catalog-regions';
import type { VariantChoice } from './add-to-cart-form';

/** The SKUs a shopper can choose on the product page: those priced in the region, with their options. */
export function variantChoices(product: Product, region: ShopRegion): VariantChoice[] {
  return product.skus.flatMap((sku) => {
    const price = sku.prices.find((p) => p.region === region)?.price;
    if (!price) return [];
    const options = Object.entries(sku.options)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}: ${value}`)
      .join(', ');
    const available = Number(sku.stock.find((s) => s.region === region)?.available ?? '0');
    return [
      {
        skuId: sku.skuId,
        label: [sku.code, options, formatMoney(price)].filter(Boolean).join(' — '),
        soldOut: available <= 0,
      },
    ];
  });
}
