import Link from 'next/link';
import { currentShopper, readCart } from '@/server/cart/cart-client';

/**
 * The header's cart link with the number of units in the cart. A visitor without a cart costs no call;
 * when orders does not answer within a second the link shows no count rather than holding the page.
 */
export async function CartLink() {
  const result = await readCart(await currentShopper(), 1_000);
  const count = result.ok ? result.value.itemCount : undefined;
  return (
    <Link href="/cart" prefetch={false} className="text-sm underline-offset-4 hover:underline">
      Cart
      {count !== undefined && count > 0 ? (
        <span data-testid="cart-count">
          {' '}
          ({count}
          <span className="sr-only">{count === 1 ? ' item' : ' items'}</span>)
        </span>
      ) : null}
    </Link>
  );
}
