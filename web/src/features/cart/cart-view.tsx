import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import type { Cart, CartLine } from '@shopstream/proto/orders/v1/cart_service.js';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { formatMoney, SHOP_REGIONS } from '@/features/catalog/catalog-regions';
import { LINE_PROBLEM } from '@/lib/cart-enums';
import { CartLineControls } from './cart-line-controls';

const regionLabel = (region: string) => SHOP_REGIONS.find((r) => r.region === region)?.label ?? region;

const PROBLEM_TEXT: Record<number, string> = {
  [LINE_PROBLEM.NO_LONGER_SOLD]: 'This item is no longer sold. Remove it to check out.',
  [LINE_PROBLEM.NOT_SOLD_IN_REGION]: 'This item is no longer sold in this region. Remove it to check out.',
  [LINE_PROBLEM.NOT_ENOUGH_STOCK]: 'Not enough stock for this quantity. Lower it or remove the item.',
};

function optionsText(line: CartLine): string {
  return Object.entries(line.options)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}: ${value}`)
    .join(', ');
}

function LineItem({ line, csrf }: { line: CartLine; csrf: string }) {
  const options = optionsText(line);
  const problem = PROBLEM_TEXT[line.problem];
  return (
    <li className="grid gap-3 border-t py-4 sm:grid-cols-[1fr_auto]">
      <div className="grid min-w-0 gap-1">
        <h2 className="text-base font-semibold break-words">
          <Link
            href={`/products/${line.productId}?region=${line.region}`}
            prefetch={false}
            className="underline-offset-4 hover:underline"
          >
            {line.title}
          </Link>
        </h2>
        <p className="text-sm break-words text-muted-foreground">
          <span className="font-mono text-xs">{line.skuCode}</span>
          {options ? ` — ${options}` : ''} — {regionLabel(line.region)}
        </p>
        <p className="text-sm">{line.unitPrice ? formatMoney(line.unitPrice) : '—'} each</p>
        {line.priceChanged && line.priceWhenAdded && line.unitPrice ? (
          <Alert role="note" className="p-2">
            The price changed from {formatMoney(line.priceWhenAdded)} to {formatMoney(line.unitPrice)} since
            you added this item.
          </Alert>
        ) : null}
        {problem ? (
          <Alert role="note" variant="destructive" className="p-2">
            {problem}
          </Alert>
        ) : null}
        <CartLineControls
          skuId={line.skuId}
          region={line.region}
          title={line.title}
          quantity={line.quantity}
          quantityKey={randomUUID()}
          removeKey={randomUUID()}
          csrf={csrf}
        />
      </div>
      <p className="text-base font-semibold sm:text-right" data-testid="line-total">
        {line.lineTotal ? formatMoney(line.lineTotal) : '—'}
      </p>
    </li>
  );
}

/** The cart's lines, each with its controls, and the totals per currency (a cart may mix regions). */
export function CartView({ cart, csrf, signedIn }: { cart: Cart; csrf: string; signedIn: boolean }) {
  if (cart.lines.length === 0) {
    return (
      <div className="grid gap-3 rounded-md border p-6">
        <p className="font-medium">Your cart is empty.</p>
        <p className="text-sm text-muted-foreground">
          <Link href="/products" className="text-primary underline underline-offset-4">
            Browse the catalog
          </Link>{' '}
          and add something you like.
        </p>
      </div>
    );
  }
  return (
    <div className="grid gap-4">
      {cart.pricingStale ? (
        <Alert>Prices could not be checked just now: these are the last known ones.</Alert>
      ) : null}
      <ul aria-label="Items in your cart" className="grid">
        {cart.lines.map((line) => (
          <LineItem key={`${line.skuId}:${line.region}`} line={line} csrf={csrf} />
        ))}
      </ul>
      <section aria-labelledby="totals-title" className="grid gap-2 border-t pt-4">
        <h2 id="totals-title" className="text-lg font-semibold">
          Total
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-muted-foreground">Items</dt>
          <dd className="text-right">{cart.itemCount}</dd>
          {cart.totals.map((total) => (
            <div key={total.currencyCode} className="contents">
              <dt className="text-muted-foreground">Total in {total.currencyCode}</dt>
              <dd className="text-right font-semibold" data-testid={`total-${total.currencyCode}`}>
                {formatMoney(total)}
              </dd>
            </div>
          ))}
        </dl>
        {cart.totals.length > 1 ? (
          <p className="text-sm text-muted-foreground">
            Your cart has items from more than one region: an order is paid in one currency, so keep the items
            of one region to check out.
          </p>
        ) : null}
        <Link
          href={signedIn ? '/checkout' : '/sign-in?next=/checkout'}
          prefetch={false}
          className={buttonVariants({ className: 'justify-self-start' })}
        >
          {signedIn ? 'Check out' : 'Sign in to check out'}
        </Link>
      </section>
    </div>
  );
}
