import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireBackOffice } from '@/server/identity/require-admin';
import { isCatalogAdmin, isOrdersAdmin } from '@/server/identity/session';

/**
 * The back office's frame, guarded server-side (every page and every action checks again) with its own
 * navigation. A refusal renders the root `forbidden` page with HTTP 403 (or redirects to sign in) before any
 * admin markup: the group's `loading.tsx` sits below this layout, so nothing has streamed yet.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const principal = await requireBackOffice();
  return (
    <div className="grid gap-6">
      <nav aria-label="Back office" className="flex flex-wrap items-center gap-4 border-b pb-3 text-sm">
        <span className="font-semibold">Back office</span>
        {isCatalogAdmin(principal) ? (
          <>
            <Link href="/admin" className="underline-offset-4 hover:underline">
              Products
            </Link>
            <Link href="/admin/products/new" className="underline-offset-4 hover:underline">
              New product
            </Link>
          </>
        ) : null}
        {isOrdersAdmin(principal) ? (
          <Link href="/admin/orders" className="underline-offset-4 hover:underline">
            Orders
          </Link>
        ) : null}
      </nav>
      {children}
    </div>
  );
}
