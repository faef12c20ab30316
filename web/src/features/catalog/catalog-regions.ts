/**
 * The shopping regions the storefront offers, with the currency their prices are in (the demo catalog's
 * regions: services/catalog/src/seed/demo-catalog.ts). The first one is the default.
 */
export const SHOP_REGIONS = [
  { region: 'eu', currency: 'EUR', label: 'Europe (EUR)' },
  { region: 'us', currency: 'USD', label: 'United States (USD)' },
  { region: 'uk', currency: 'GBP', label: 'United Kingdom (GBP)' },
] as const;

export type ShopRegion = (typeof SHOP_REGIONS)[number]['region'];

export const DEFAULT_REGION: ShopRegion = 'eu';

export function isShopRegion(value: string): value is ShopRegion {
  return SHOP_REGIONS.some((r) => r.region === value);
}

export function currencyOf(region: ShopRegion): string {
  return SHOP_REGIONS.find((r) => r.region === region)?.currency ?? 'EUR';
}

/** Digits after the decimal point of a currency's minor unit (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** `{currencyCode: 'EUR', amountMinor: '2590'}` → "€25.90". */
export function formatMoney(money: { currencyCode: string; amountMinor: string }): string {
  const digits = minorDigits(money.currencyCode);
  const amount = Number(money.amountMinor) / 10 ** digits;
  return new Intl.NumberFormat('en', { style: 'currency', currency: money.currencyCode }).format(amount);
}
