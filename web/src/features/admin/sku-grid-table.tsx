import type { ReactNode } from 'react';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { SHOP_REGIONS } from '@/features/catalog/catalog-regions';
import type { SkuRow } from './sku-row';

type Cell = SkuRow['cells'][number];

/**
 * Every SKU of a product as a row (code, options), one column per shop region; what a cell holds (a price
 * field, a stock field, "not sold here") is the caller's. Each field labels itself for assistive technology
 * ("Price of TEE-M in eu (EUR)"); the headers say the same to the eye.
 */
export function SkuGridTable({
  label,
  rows,
  renderCell,
}: {
  readonly label: string;
  readonly rows: readonly SkuRow[];
  readonly renderCell: (row: SkuRow, cell: Cell) => ReactNode;
}) {
  return (
    <Table aria-label={label}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Variant (SKU)</TableHead>
          <TableHead scope="col">Options</TableHead>
          {SHOP_REGIONS.map((r) => (
            <TableHead key={r.region} scope="col">
              {r.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.skuId}>
            <TableHead scope="row" className="font-mono text-xs font-normal">
              {row.code}
            </TableHead>
            <TableCell>{row.options || '—'}</TableCell>
            {row.cells.map((cell) => (
              <TableCell key={cell.region} className="min-w-36 align-top">
                {renderCell(row, cell)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
