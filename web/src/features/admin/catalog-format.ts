/** Display helpers for catalog values (int64 as strings, proto timestamps, numeric enums). */

export { CHANGE_KIND, PRODUCT_STATUS } from '@/lib/catalog-enums';

const statusLabels: Record<number, string> = { 1: 'Draft', 2: 'Active', 3: 'Archived' };
const changeLabels: Record<number, string> = { 1: 'Created', 2: 'Edited', 3: 'Archived', 4: 'Stock' };

export const statusLabel = (status: number): string => statusLabels[status] ?? 'Unknown';
export const changeLabel = (change: number): string => changeLabels[change] ?? 'Changed';

export interface ProtoMoney {
  readonly currencyCode: string;
  readonly amountMinor: string;
}

export function formatMoney(money: ProtoMoney | undefined): string {
  if (!money?.currencyCode) return '—';
  try {
    const format = new Intl.NumberFormat('en-GB', { style: 'currency', currency: money.currencyCode });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    return format.format(Number(money.amountMinor) / 10 ** digits);
  } catch {
    return `${money.amountMinor} ${money.currencyCode} (minor units)`;
  }
}

export interface ProtoTimestamp {
  readonly seconds: string;
  readonly nanos: number;
}

export function formatTimestamp(ts: ProtoTimestamp | undefined): string {
  if (!ts || ts.seconds === '0') return '—';
  return `${new Date(Number(ts.seconds) * 1000).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'UTC',
  })} UTC`;
}

/** ISO 8601 for `<time dateTime>`. */
export function isoTimestamp(ts: ProtoTimestamp | undefined): string | undefined {
  return ts && ts.seconds !== '0' ? new Date(Number(ts.seconds) * 1000).toISOString() : undefined;
}
