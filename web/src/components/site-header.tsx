import Link from 'next/link';
import { currentPrincipal, isCatalogAdmin, isOrdersAdmin } from '@/server/identity/session';
import { CartLink } from '@/features/cart/cart-link';
import { ThemeToggle } from './theme/theme-toggle';

export async function SiteHeader() {
  const principal = await currentPrincipal();
  return (
    <header className="border-b">
      <nav
        aria-label="Main"
        className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3"
      >
        <Link href="/" className="mr-auto text-lg font-semibold">
          Shopstream
        </Link>
        <Link href="/products" className="text-sm underline-offset-4 hover:underline">
          Catalog
        </Link>
        <CartLink />
        {principal ? (
          <>
            <Link href="/orders" className="text-sm underline-offset-4 hover:underline">
              Orders
            </Link>
            {isCatalogAdmin(principal) || isOrdersAdmin(principal) ? (
              <Link
                href={isCatalogAdmin(principal) ? '/admin' : '/admin/orders'}
                className="text-sm underline-offset-4 hover:underline"
              >
                Admin
              </Link>
            ) : null}
            <Link href="/account" className="text-sm underline-offset-4 hover:underline">
              Account
            </Link>
          </>
        ) : (
          <>
            <Link href="/sign-in" className="text-sm underline-offset-4 hover:underline">
              Sign in
            </Link>
            <Link href="/sign-up" className="text-sm underline-offset-4 hover:underline">
              Sign up
            </Link>
          </>
        )}
        <ThemeToggle />
      </nav>
    </header>
  );
}
