import 'server-only';
import type { Principal } from '@shopstream/service-defaults/auth';
import { forbidden, redirect } from 'next/navigation';
import { currentPrincipal, isCatalogAdmin } from './session';

/** Server-side guard of every back-office page: signed in, and admin or `catalog.admin:*`. */
export async function requireCatalogAdmin(): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect('/sign-in');
  if (!isCatalogAdmin(principal)) forbidden();
  return principal;
}
