'use client';

import type { FocusEvent } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { ProductFormState } from './product-form-state';
import { loadedFieldName, stockFieldName, stockValueSchema } from './sku-grid-schema';
import { SkuGridTable } from './sku-grid-table';
import type { SkuRow } from './sku-row';
import { useActionForm } from './use-action-form';

interface StockFormProps {
  readonly action: (previous: ProductFormState, form: FormData) => Promise<ProductFormState>;
  readonly csrf: string;
  /** One per rendered form (adr/0023); each SetStock uses it with the SKU and region appended. */
  readonly idempotencyKey: string;
  readonly productId: string;
  readonly skus: readonly SkuRow[];
  /** Available units per `stock-<skuId>-<region>` field, as loaded. */
  readonly initialValues: Readonly<Record<string, string>>;
}

/**
 * Available stock of every SKU in every region it is sold in, one field per cell. Checked on blur (the same
 * zod rule as the action), then on the server, which writes nothing unless every value is valid and sends only
 * the values that differ from what this page showed. What was typed is kept on every error.
 */
export function StockForm({ action, csrf, idempotencyKey, productId, skus, initialValues }: StockFormProps) {
  const { state, pending, errorOf, check, submit } = useActionForm(action);
  const checkField = (event: FocusEvent<HTMLInputElement>) =>
    check(event.currentTarget.name, event.currentTarget.value, stockValueSchema);

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Stock">
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="productId" value={productId} />
      {Object.entries(initialValues).map(([name, value]) => (
        <input key={name} type="hidden" name={loadedFieldName(name)} value={value} />
      ))}
      <fieldset key={JSON.stringify(state.values)} disabled={pending} className="grid min-w-0 gap-3">
        <legend className="text-sm font-medium">Available units per variant and region</legend>
        <p id="stock-hint" className="text-sm text-muted-foreground">
          Whole units from 0 to 1,000,000. Units held by checkouts in progress are not included and not
          changed.
        </p>
        <SkuGridTable
          label="Stock per variant and region"
          rows={skus}
          renderCell={(row, cell) => {
            if (!cell.sold) return <span className="text-sm text-muted-foreground">Not sold here</span>;
            const name = stockFieldName(row.skuId, cell.region);
            const error = errorOf(name);
            const describedBy = ['stock-hint', error ? `${name}-error` : ''].filter(Boolean).join(' ');
            return (
              <div className="grid gap-1">
                <Label htmlFor={name} className="sr-only">
                  {`Stock of ${row.code} in ${cell.region}`}
                </Label>
                <Input
                  id={name}
                  name={name}
                  defaultValue={state.values[name] ?? initialValues[name] ?? ''}
                  onBlur={checkField}
                  inputMode="numeric"
                  autoComplete="off"
                  className="min-w-24"
                  aria-describedby={describedBy}
                  {...(error ? { 'aria-invalid': true as const } : {})}
                />
                {cell.reserved !== '0' ? (
                  <p className="text-xs text-muted-foreground">{cell.reserved} reserved</p>
                ) : null}
                {error ? (
                  <p id={`${name}-error`} className="text-sm text-destructive">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          }}
        />
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save stock'}
        </Button>
      </div>
    </form>
  );
}
