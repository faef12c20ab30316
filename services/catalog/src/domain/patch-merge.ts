import { DomainError, ErrorKind, type FieldError } from '@shopstream/service-defaults';
import type { Product, ProductContent, RegionPrice } from './product.js';
import type { ProductDraft } from './product-input.js';
import type { PatchPath, ProductPatch } from './product-patch.js';

/**
 * How EditProduct merges a patch into the product as it is under the row lock, and when a patch based on an
 * older version must be refused: only when a version since then changed a field the patch names (adr/0035).
 */

/** The product's editable content as it is. */
export function contentOf(product: Product): ProductContent {
  const { title, description, category, brand, attributes, media, status } = product;
  return { title, description, category, brand, attributes, media, status };
}

/** The full edit the patch amounts to on `current`: content and SKU list (what UpdateProduct would get). */
export function mergePatch(current: Product, patch: ProductPatch): ProductDraft {
  const content = { ...contentOf(current), ...patch.content };
  if (patch.skus !== undefined) return { content, skus: patch.skus };
  const live = new Set(current.skus.map((s) => s.id));
  const missing: FieldError[] = patch.skuPrices.flatMap((entry, i) =>
    live.has(entry.skuId)
      ? []
      : [{ field: `patch.skuPrices.${i}.skuId`, detail: 'not a live SKU of this product' }],
  );
  if (missing.length > 0) throw invalidPatch(missing);
  const changes = new Map(patch.skuPrices.map((entry) => [entry.skuId, entry.prices]));
  const skus = current.skus.map((sku) => ({
    id: sku.id,
    code: sku.code,
    options: sku.options,
    prices: mergedPrices(sku.prices, changes.get(sku.id) ?? []),
    initialStock: [],
  }));
  checkOneCurrencyPerRegion(skus, patch);
  return { content, skus };
}

function mergedPrices(current: readonly RegionPrice[], changes: readonly RegionPrice[]): RegionPrice[] {
  const byRegion = new Map(current.map((p) => [p.region, p]));
  for (const price of changes) byRegion.set(price.region, price);
  return [...byRegion.values()].sort((a, b) => a.region.localeCompare(b.region));
}

/** After the merge every SKU must still use one currency per region; the error names the patch's price. */
function checkOneCurrencyPerRegion(
  skus: readonly { readonly id: string; readonly prices: readonly RegionPrice[] }[],
  patch: ProductPatch,
): void {
  const fields: FieldError[] = [];
  patch.skuPrices.forEach((entry, i) => {
    entry.prices.forEach((price, j) => {
      const other = skus
        .filter((s) => s.id !== entry.skuId)
        .flatMap((s) => s.prices)
        .find((p) => p.region === price.region && p.currency !== price.currency);
      if (other)
        fields.push({
          field: `patch.skuPrices.${i}.prices.${j}.price.currencyCode`,
          detail: `every SKU must use one currency per region (${other.currency} in ${price.region})`,
        });
    });
  });
  if (fields.length > 0) throw invalidPatch(fields);
}

const invalidPatch = (fields: readonly FieldError[]) =>
  new DomainError(ErrorKind.Validation, 'Catalog.InvalidProduct', 'The request is invalid.', { fields });

/** A version committed after the one a patch is based on: what it changed, and its SKUs (id ↔ code). */
export interface LaterVersion {
  readonly version: number;
  readonly changedFields: readonly string[];
  readonly snapshot: { readonly skus: readonly { readonly id: string; readonly code: string }[] };
}

const CONTENT_FIELDS = new Set<string>(['title', 'description', 'category', 'brand', 'status', 'media']);
const SKU_FIELD = /^skus\[([^\]]+)\](?:\.(.+))?$/;

/**
 * The changed fields of `later` versions that the patch also changes (empty: the patch merges). Field names
 * are those of `changedFields` (product-diff.ts): `title`, `attributes.<key>`, `skus`, `skus[<code>]`,
 * `skus[<code>].prices.<region>`, … SKU codes are resolved to ids with each version's own snapshot, so a
 * renamed SKU is still recognised.
 */
export function conflictingFields(patch: ProductPatch, later: readonly LaterVersion[]): string[] {
  const paths = new Set<PatchPath>(patch.paths);
  const regionsBySku = new Map(patch.skuPrices.map((e) => [e.skuId, new Set(e.prices.map((p) => p.region))]));
  const clashes = new Set<string>();
  for (const version of later)
    for (const field of version.changedFields) {
      if (CONTENT_FIELDS.has(field)) {
        if (paths.has(field as PatchPath)) clashes.add(field);
        continue;
      }
      if (field.startsWith('attributes.')) {
        if (paths.has('attributes')) clashes.add(field);
        continue;
      }
      if (field !== 'skus' && !SKU_FIELD.test(field)) continue;
      if (paths.has('skus')) {
        clashes.add(field);
        continue;
      }
      const [, code, rest] = SKU_FIELD.exec(field) ?? [];
      const id = version.snapshot.skus.find((s) => s.code === code)?.id;
      const regions = id === undefined ? undefined : regionsBySku.get(id);
      if (regions === undefined) continue;
      // The SKU was added or retired, or its price in a region this patch sets changed.
      if (rest === undefined || (rest.startsWith('prices.') && regions.has(rest.slice('prices.'.length))))
        clashes.add(field);
    }
  return [...clashes].sort();
}
