'use client';

import type { FocusEvent, ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { Textarea } from '@/components/ui/textarea';
import { createProductSchema, updateProductSchema } from './product-form-schema';
import type { ProductFormState } from './product-form-state';
import {
  currencyFieldName,
  isPriceFieldName,
  loadedFieldName,
  optionalPriceSchema,
  priceFieldName,
  requiredPriceSchema,
} from './sku-grid-schema';
import { SkuGridTable } from './sku-grid-table';
import type { SkuRow } from './sku-row';
import { useActionForm, type FieldSchema } from './use-action-form';

interface ProductFormProps {
  readonly mode: 'create' | 'edit';
  readonly action: (previous: ProductFormState, form: FormData) => Promise<ProductFormState>;
  readonly csrf: string;
  /** One per rendered form (adr/0023): a repeated submit of this form is one change in catalog. */
  readonly idempotencyKey: string;
  readonly initialValues: Readonly<Record<string, string>>;
  /** Edit: the product and the version the form was loaded at. */
  readonly productId?: string;
  readonly expectedVersion?: string;
  /** Edit: the region that owns the product (for messages). */
  readonly ownerRegion?: string;
  /** Edit: every SKU, priced per shop region in the grid (`price-<skuId>-<region>` fields). */
  readonly skus?: readonly SkuRow[];
}

type FieldName = keyof typeof createProductSchema.shape;

/**
 * The product form of the back office: every field validated on blur for comfort (the same zod rules as the
 * server action), then on the server for safety; messages tied to their fields; what was typed kept on
 * every error, including a version conflict, which says so and offers the latest version.
 */
export function ProductForm(props: ProductFormProps) {
  const { mode, action, csrf, idempotencyKey, initialValues, productId, expectedVersion, ownerRegion, skus } =
    props;
  const { state, pending, errorOf, check, submit } = useActionForm(action);
  const value = (name: string) => state.values[name] ?? initialValues[name] ?? '';

  const checkField = (event: FocusEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const name = event.currentTarget.name;
    const shape: Record<string, FieldSchema> =
      mode === 'create' ? createProductSchema.shape : updateProductSchema.shape;
    // A price the SKU already has cannot be emptied; an empty cell means "not sold in this region".
    const priceSchema = initialValues[name] ? requiredPriceSchema : optionalPriceSchema;
    check(name, event.currentTarget.value, isPriceFieldName(name) ? priceSchema : shape[name]);
  };

  const field = (
    name: FieldName | (string & {}),
    label: string,
    control: (aria: {
      id: string;
      name: string;
      defaultValue: string;
      onBlur: typeof checkField;
      'aria-invalid'?: true;
      'aria-describedby'?: string;
    }) => ReactNode,
    hint?: string,
    labelClassName?: string,
  ) => {
    const error = errorOf(name);
    const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return (
      <div className="grid gap-2">
        <Label htmlFor={name} className={labelClassName}>
          {label}
        </Label>
        {control({
          id: name,
          name,
          defaultValue: value(name),
          onBlur: checkField,
          ...(error ? { 'aria-invalid': true as const } : {}),
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        })}
        {hint ? (
          <p id={`${name}-hint`} className="text-sm text-muted-foreground">
            {hint}
          </p>
        ) : null}
        {error ? (
          <p id={`${name}-error`} className="text-sm text-destructive">
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      className="grid gap-5"
      aria-label={mode === 'create' ? 'New product' : 'Edit product'}
    >
      {state.conflict ? (
        <Alert variant="destructive">
          <p className="font-semibold">Someone else saved this product first.</p>
          <p className="mt-1">
            It is now at version {state.conflict.currentVersion || 'newer than yours'}; you loaded version{' '}
            {expectedVersion}. Your changes were not saved and are still in the form below.
          </p>
          <p className="mt-2">
            {/* A full page load: the form starts again from the latest version (copy your text first). */}
            <a
              href={`/admin/products/${productId ?? ''}/edit`}
              className="font-medium underline underline-offset-4"
            >
              Load the latest version
            </a>
          </p>
        </Alert>
      ) : null}
      {state.formError ? <Alert variant="destructive">{state.formError}</Alert> : null}
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      {productId ? <input type="hidden" name="productId" value={productId} /> : null}
      {expectedVersion ? <input type="hidden" name="expectedVersion" value={expectedVersion} /> : null}
      {/* Edit: what every field showed when the form was loaded (the action sends catalog only what changed,
          so two admins' edits of different fields both land), and the currency of each region's prices. */}
      {mode === 'edit' ? (
        <>
          {ownerRegion ? <input type="hidden" name="ownerRegion" value={ownerRegion} /> : null}
          {Object.entries(initialValues).map(([name, loaded]) => (
            <input key={name} type="hidden" name={loadedFieldName(name)} value={loaded} />
          ))}
          {(skus?.[0]?.cells ?? []).map((cell) => (
            <input
              key={cell.region}
              type="hidden"
              name={currencyFieldName(cell.region)}
              value={cell.currency}
            />
          ))}
        </>
      ) : null}
      {/* Re-mounted with every answer, so each field shows what was submitted; read-only while a submit is
          under way (what was typed then would be replaced by the answer). */}
      <fieldset key={JSON.stringify(state.values)} disabled={pending} className="grid min-w-0 gap-5">
        {field('title', 'Title', (p) => (
          <Input {...p} autoComplete="off" maxLength={400} />
        ))}
        <div className="grid gap-5 sm:grid-cols-2">
          {field('brand', 'Brand', (p) => (
            <Input {...p} autoComplete="off" />
          ))}
          {field(
            'category',
            'Category',
            (p) => (
              <Input {...p} autoComplete="off" />
            ),
            'Lower-case path, e.g. home/kitchen',
          )}
        </div>
        {field(
          'description',
          'Description',
          (p) => (
            <Textarea {...p} rows={5} />
          ),
          'Plain text, optional',
        )}
        <div className="grid gap-5 sm:grid-cols-2">
          {field('status', 'Status', (p) => (
            <NativeSelect {...p}>
              <option value="draft">Draft (hidden from shoppers)</option>
              <option value="active">Active (on sale)</option>
            </NativeSelect>
          ))}
          {mode === 'create'
            ? field(
                'ownerRegion',
                'Owner region',
                (p) => <Input {...p} autoComplete="off" />,
                'Region whose admins own the product, e.g. eu',
              )
            : null}
        </div>
        {mode === 'create' ? (
          <fieldset className="grid gap-5 rounded-md border p-4">
            <legend className="px-1 text-sm font-medium">First variant (SKU)</legend>
            {field(
              'skuCode',
              'SKU code',
              (p) => (
                <Input {...p} autoComplete="off" />
              ),
              'Upper case, unique in the shop, e.g. TSHIRT-RED-M',
            )}
            <div className="grid gap-5 sm:grid-cols-3">
              {field('price', 'Price', (p) => (
                <Input {...p} inputMode="decimal" autoComplete="off" />
              ))}
              {field('currency', 'Currency', (p) => (
                <Input {...p} autoComplete="off" maxLength={3} />
              ))}
              {field('stock', 'Stock', (p) => (
                <Input {...p} inputMode="numeric" autoComplete="off" />
              ))}
            </div>
          </fieldset>
        ) : skus && skus.length > 0 ? (
          <fieldset className="grid min-w-0 gap-3">
            <legend className="text-sm font-medium">Prices per variant and region</legend>
            <p id="prices-hint" className="text-sm text-muted-foreground">
              In each region&rsquo;s currency. Leave a region empty where a variant is not sold; a price that
              is set cannot be removed here.
            </p>
            <SkuGridTable
              label="Prices per variant and region"
              rows={skus}
              renderCell={(row, cell) =>
                field(
                  priceFieldName(row.skuId, cell.region),
                  `Price of ${row.code} in ${cell.region} (${cell.currency})`,
                  (p) => <Input {...p} inputMode="decimal" autoComplete="off" className="min-w-24" />,
                  undefined,
                  'sr-only',
                )
              }
            />
          </fieldset>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : mode === 'create' ? 'Create product' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}
