import { randomUUID } from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Alert } from '@/components/ui/alert';
import { formatMoney } from '@/features/catalog/catalog-regions';
import { LineList } from '@/features/orders/line-list';
import { CheckoutForm } from '@/features/orders/checkout-form';
import { LINE_PROBLEM } from '@/lib/cart-enums';
import { currentShopper, readCart } from '@/server/cart/cart-client';
import { csrfToken, currentPrincipal } from '@/server/identity/session';

export const metadata: Metadata = { title: 'Checkout' };

/** The cart as it will be ordered, and the test payment method: signed-in shoppers only. */
export default async function CheckoutPage() {
  if (!(await currentPrincipal())) redirect('/sign-in?next=/checkout');
  const result = await readCart(await currentShopper());
  const heading = <h1 className="text-2xl font-semibold">Checkout</h1>;
  if (!result.ok)
    return (
      <div className="grid gap-6">
        {heading}
        <Alert>{result.problem.detail}</Alert>
      </div>
    );
  const cart = result.value;
  const total = cart.totals[0];
  const blocked =
    cart.lines.length === 0
      ? 'Your cart is empty.'
      : cart.lines.some((l) => l.problem !== LINE_PROBLEM.NONE)
        ? 'Some items in your cart cannot be bought as they are now.'
        : cart.totals.length !== 1
          ? 'An order is paid in one currency: your cart has items of more than one region.'
          : cart.pricingStale
            ? 'Prices cannot be checked right now. Try again in a moment.'
            : undefined;
  return (
    <div className="grid max-w-2xl gap-6">
      {heading}
      <section aria-labelledby="summary-title" className="grid gap-2">
        <h2 id="summary-title" className="text-lg font-semibold">
          Your order
        </h2>
        <LineList lines={cart.lines} />
        {total ? (
          <p className="flex justify-between border-t pt-2 font-semibold">
            <span>Total</span>
            <span data-testid="checkout-total">{formatMoney(total)}</span>
          </p>
        ) : null}
      </section>
      {blocked || !total ? (
        <Alert>
          {blocked}{' '}
          <Link href="/cart" className="underline underline-offset-4">
            Back to your cart
          </Link>
        </Alert>
      ) : (
        <CheckoutForm
          idempotencyKey={randomUUID()}
          csrf={await csrfToken()}
          cartRevision={cart.revision}
          totalText={formatMoney(total)}
        />
      )}
    </div>
  );
}
