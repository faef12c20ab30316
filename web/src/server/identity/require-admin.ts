import 'server-only';
import type { Principal } from '@shopstream/service-defaults/auth';
import { forbidden, redirect } from 'next/navigation';
import { currentPrincipal, isCatalogAdmin, isOrdersAdmin } from './session';

/** Server-side guard of every back-office page: signed in, and admin or `catalog.admin:*`. */
export async function requireCatalogAdmin(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in');
  if (!isCatalogAdmin(principal)) forbidden();
  return principal;
}

/** Server-side guard of the orders back office: signed in, and admin or `orders.admin`. */
export async function requireOrdersAdmin(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in');
  if (!isOrdersAdmin(principal)) forbidden();
  return principal;
}

/** The back office's frame: anyone who may use one of its parts (each page guards its own part). */
export async function requireBackOffice(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in');
  if (!isCatalogAdmin(principal) && !isOrdersAdmin(principal)) forbidden();
  return principal;
}
