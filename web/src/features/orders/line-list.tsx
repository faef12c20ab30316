import { formatMoney } from '@/features/catalog/catalog-regions';

interface Line {
  readonly skuId: string;
  readonly region: string;
  readonly quantity: number;
  readonly title: string;
  readonly skuCode: string;
  readonly lineTotal?: { currencyCode: string; amountMinor: string } | undefined;
}

/** Lines of a cart about to be ordered, or of an order: "2 × Title (CODE)" and the line total. */
export function LineList({ lines }: { lines: readonly Line[] }) {
  return (
    <ul className="grid gap-1 text-sm">
      {lines.map((line) => (
        <li
          key={`${line.skuId}:${line.region}`}
          className="flex flex-wrap justify-between gap-2 border-t py-2"
        >
          <span className="min-w-0 break-words">
            {line.quantity} × {line.title} <span className="font-mono text-xs">({line.skuCode})</span>
          </span>
          <span>{line.lineTotal ? formatMoney(line.lineTotal) : '—'}</span>
        </li>
      ))}
    </ul>
  );
}
