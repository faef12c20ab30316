import { canonicalJson } from './canonical-json.js';
import type { ProductSnapshot, SkuContent } from './product.js';

/**
 * The fields that differ between two versions of a product, as paths a person can read in the history:
 * `title`, `attributes.material`, `media`, `skus[TEE-RED-M]` (added or retired), `skus[TEE-RED-M].prices.eu`,
 * `skus[TEE-RED-M].options`, `skus[TEE-RED-M].code` (renamed; shown under the new code). Sorted, no duplicates.
 */
export function changedFields(before: ProductSnapshot, after: ProductSnapshot): string[] {
  const changes = new Set<string>();
  for (const field of ['title', 'description', 'category', 'brand', 'status'] as const) {
    if (before[field] !== after[field]) changes.add(field);
  }
  for (const key of unionKeys(before.attributes, after.attributes)) {
    if (before.attributes[key] !== after.attributes[key]) changes.add(`attributes.${key}`);
  }
  if (canonicalJson(before.media) !== canonicalJson(after.media)) changes.add('media');

  const beforeById = new Map(before.skus.map((sku) => [sku.id, sku]));
  const afterIds = new Set(after.skus.map((sku) => sku.id));
  for (const sku of after.skus) {
    const old = beforeById.get(sku.id);
    if (old === undefined) changes.add(`skus[${sku.code}]`);
    else skuChanges(old, sku).forEach((change) => changes.add(change));
  }
  for (const sku of before.skus) if (!afterIds.has(sku.id)) changes.add(`skus[${sku.code}]`);
  if (before.skus.map((s) => s.id).join() !== after.skus.map((s) => s.id).join() && changes.size === 0) {
    changes.add('skus'); // only the order changed
  }
  return [...changes].sort();
}

function skuChanges(before: SkuContent, after: SkuContent): string[] {
  const at = `skus[${after.code}]`;
  const changes: string[] = [];
  if (before.code !== after.code) changes.push(`${at}.code`);
  if (canonicalJson(before.options) !== canonicalJson(after.options)) changes.push(`${at}.options`);
  const beforePrices = new Map(before.prices.map((p) => [p.region, p]));
  const afterPrices = new Map(after.prices.map((p) => [p.region, p]));
  for (const region of new Set([...beforePrices.keys(), ...afterPrices.keys()])) {
    const a = beforePrices.get(region);
    const b = afterPrices.get(region);
    if (a?.currency !== b?.currency || a?.amountMinor !== b?.amountMinor)
      changes.push(`${at}.prices.${region}`);
  }
  return changes;
}

function unionKeys(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}
