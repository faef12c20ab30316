'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { removeCartLine, setCartQuantity } from './cart-actions';
import { useCartForm } from './use-cart-form';

interface CartLineControlsProps {
  readonly skuId: string;
  readonly region: string;
  readonly title: string;
  readonly quantity: number;
  /** One key per rendered form (adr/0023). */
  readonly quantityKey: string;
  readonly removeKey: string;
  readonly csrf: string;
}

/** A cart line's quantity form and its remove button, each its own server action and key. */
export function CartLineControls(props: CartLineControlsProps) {
  const { skuId, region, title, quantity, csrf } = props;
  const change = useCartForm(setCartQuantity, props.quantityKey);
  const remove = useCartForm(removeCartLine, props.removeKey);
  const id = `qty-${skuId}-${region}`;
  const error = change.state.fieldErrors.quantity ?? change.state.formError ?? remove.state.formError;
  const hidden = (key: string) => (
    <>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="skuId" value={skuId} />
      <input type="hidden" name="region" value={region} />
    </>
  );
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <form action={change.formAction} onSubmit={change.submit} noValidate className="flex items-end gap-2">
          {hidden(change.key)}
          <div className="grid gap-1">
            <Label htmlFor={id}>
              Quantity<span className="sr-only"> of {title}</span>
            </Label>
            <Input
              id={id}
              name="quantity"
              type="number"
              inputMode="numeric"
              min={1}
              max={99}
              step={1}
              defaultValue={change.state.values.quantity || String(quantity)}
              className="w-20"
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
            />
          </div>
          <Button type="submit" variant="outline" disabled={change.pending}>
            Update<span className="sr-only"> quantity of {title}</span>
          </Button>
        </form>
        <form action={remove.formAction} onSubmit={remove.submit}>
          {hidden(remove.key)}
          <Button type="submit" variant="ghost" disabled={remove.pending}>
            Remove<span className="sr-only"> {title}</span>
          </Button>
        </form>
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <p role="status" className="sr-only">
        {change.state.notice ?? ''}
      </p>
    </div>
  );
}
