'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { addToCart } from './cart-actions';
import { useCartForm } from './use-cart-form';

export interface VariantChoice {
  readonly skuId: string;
  /** "TSHIRT-RED-M — color: red, size: M — €25.00" */
  readonly label: string;
  readonly soldOut: boolean;
}

interface AddToCartFormProps {
  readonly productId: string;
  readonly region: string;
  readonly variants: readonly VariantChoice[];
  readonly idempotencyKey: string;
  /** The session's CSRF token ('' when signed out). */
  readonly csrf: string;
}

/** The product page's "add to cart": a variant of those priced in the page's region and a quantity. */
export function AddToCartForm({ productId, region, variants, idempotencyKey, csrf }: AddToCartFormProps) {
  const { state, formAction, pending, key, submit } = useCartForm(addToCart, idempotencyKey);
  const firstAvailable = variants.find((v) => !v.soldOut)?.skuId ?? variants[0]?.skuId;
  const quantityError = state.fieldErrors.quantity;
  const variantError = state.fieldErrors.skuId;
  return (
    <form action={formAction} onSubmit={submit} noValidate className="grid gap-3 rounded-md border p-4">
      <h2 className="text-lg font-semibold">Buy</h2>
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="region" value={region} />
      <div className="grid gap-2">
        <Label htmlFor="cart-variant">Variant</Label>
        <NativeSelect
          id="cart-variant"
          name="skuId"
          defaultValue={state.values.skuId || firstAvailable}
          aria-invalid={variantError ? true : undefined}
          aria-describedby={variantError ? 'cart-variant-error' : undefined}
        >
          {variants.map((v) => (
            <option key={v.skuId} value={v.skuId} disabled={v.soldOut}>
              {v.soldOut ? `${v.label} (out of stock)` : v.label}
            </option>
          ))}
        </NativeSelect>
        {variantError ? (
          <p id="cart-variant-error" className="text-sm text-destructive">
            {variantError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor="cart-quantity">Quantity</Label>
        <Input
          id="cart-quantity"
          name="quantity"
          type="number"
          inputMode="numeric"
          min={1}
          max={99}
          step={1}
          defaultValue={state.values.quantity || '1'}
          className="w-24"
          aria-invalid={quantityError ? true : undefined}
          aria-describedby={quantityError ? 'cart-quantity-error' : undefined}
        />
        {quantityError ? (
          <p id="cart-quantity-error" className="text-sm text-destructive">
            {quantityError}
          </p>
        ) : null}
      </div>
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? 'Adding…' : 'Add to cart'}
      </Button>
      <p role="status" className="text-sm">
        {state.notice ?? ''}
      </p>
    </form>
  );
}
