import type { Metadata } from 'next';
import { Alert } from '@/components/ui/alert';
import { CartView } from '@/features/cart/cart-view';
import { currentShopper, readCart } from '@/server/cart/cart-client';
import { csrfToken } from '@/server/identity/session';

export const metadata: Metadata = { title: 'Cart' };

/**
 * The shopper's cart, priced by orders now (from the catalog). Rendered in the first flush like the other
 * storefront pages (adr/0024: no loading.tsx above it; the page is in the LCP budget list).
 */
export default async function CartPage() {
  const shopper = await currentShopper();
  const result = await readCart(shopper);
  return (
    <div className="grid gap-6">
      <h1 className="text-2xl font-semibold">Your cart</h1>
      {result.ok ? (
        <CartView cart={result.value} csrf={await csrfToken()} signedIn={shopper.accessToken !== undefined} />
      ) : (
        <Alert>{result.problem.detail}</Alert>
      )}
    </div>
  );
}
