import Link from 'next/link';
import { buttonVariants } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { cn } from '@/lib/cn';
import type { ListingQuery } from './catalog-query';
import { SHOP_REGIONS } from './catalog-regions';

const LABEL = 'text-sm font-medium leading-none';
const SELECT =
  'flex h-10 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message === undefined ? null : (
    <p id={id} className="text-sm text-destructive">
      {message}
    </p>
  );
}

/**
 * The listing's filters as a plain GET form: works without JavaScript, every choice is in the URL
 * (shareable, back button), and the server validates it (field messages, what was typed kept).
 */
export function ListingFilters({ query }: { query: ListingQuery }) {
  const { input, errors } = query;
  const invalid = (field: keyof ListingQuery['errors']) =>
    errors[field] === undefined
      ? {}
      : { 'aria-invalid': true as const, 'aria-describedby': `${field}-error` };
  return (
    <form
      method="get"
      action="/products"
      role="search"
      aria-label="Filter products"
      className="grid gap-4 rounded-md border bg-card p-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
    >
      <div className="grid gap-2 lg:col-span-2">
        <label htmlFor="category" className={LABEL}>
          Category
        </label>
        <Input
          id="category"
          name="category"
          defaultValue={input.category}
          placeholder="e.g. home/kitchen"
          maxLength={100}
          autoComplete="off"
          {...invalid('category')}
        />
        <FieldError id="category-error" message={errors.category} />
      </div>
      <div className="grid gap-2">
        <label htmlFor="region" className={LABEL}>
          Region
        </label>
        <select
          id="region"
          name="region"
          defaultValue={errors.region === undefined ? query.filters.region : ''}
          className={SELECT}
          {...invalid('region')}
        >
          {errors.region === undefined ? null : <option value="">Choose a region</option>}
          {SHOP_REGIONS.map((r) => (
            <option key={r.region} value={r.region}>
              {r.label}
            </option>
          ))}
        </select>
        <FieldError id="region-error" message={errors.region} />
      </div>
      <fieldset className="grid grid-cols-2 gap-2 lg:col-span-2">
        <legend className={cn(LABEL, 'mb-2')}>Price</legend>
        <div className="grid gap-2">
          <label htmlFor="min" className="text-xs text-muted-foreground">
            From
          </label>
          <Input
            id="min"
            name="min"
            inputMode="decimal"
            defaultValue={input.min}
            placeholder="0"
            maxLength={16}
            {...invalid('min')}
          />
          <FieldError id="min-error" message={errors.min} />
        </div>
        <div className="grid gap-2">
          <label htmlFor="max" className="text-xs text-muted-foreground">
            To
          </label>
          <Input
            id="max"
            name="max"
            inputMode="decimal"
            defaultValue={input.max}
            placeholder="any"
            maxLength={16}
            {...invalid('max')}
          />
          <FieldError id="max-error" message={errors.max} />
        </div>
      </fieldset>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonVariants()}>
          Apply filters
        </button>
        <Link href="/products" className={buttonVariants({ variant: 'outline' })}>
          Clear
        </Link>
      </div>
    </form>
  );
}
