import type { Principal } from '@shopstream/service-defaults/auth';
import { notRegionAdmin, notStockManager } from './catalog-errors.js';

/**
 * Region ownership (adr/0015): a product belongs to one region; `catalog.admin:<region>` administers that
 * region's products; the token's `admin` flag is the tenant administrator (every region); `catalog.stock` is
 * the service role that reserves and releases stock (checkout).
 */
export const REGION_ADMIN_ROLE_PREFIX = 'catalog.admin:';
export const STOCK_ROLE = 'catalog.stock';

export const regionAdminRole = (region: string): string => `${REGION_ADMIN_ROLE_PREFIX}${region}`;

type Caller = Pick<Principal, 'roles' | 'admin'>;

export function canAdministerRegion(principal: Caller, region: string): boolean {
  return principal.admin || principal.roles.includes(regionAdminRole(region));
}

/** Any catalog admin (of any region) or the tenant admin: sees drafts and version history. */
export function isCatalogAdmin(principal: Caller | undefined): boolean {
  if (principal === undefined) return false;
  return principal.admin || principal.roles.some((role) => role.startsWith(REGION_ADMIN_ROLE_PREFIX));
}

/** Throws `Catalog.NotRegionAdmin` unless the caller administers `region`. */
export function assertRegionAdmin(principal: Caller, region: string): void {
  if (!canAdministerRegion(principal, region)) throw notRegionAdmin(region);
}

/** Throws `Catalog.NotStockManager` unless the caller may reserve/release stock of a product owned by `ownerRegion`. */
export function assertStockManager(principal: Caller, ownerRegion: string): void {
  if (principal.roles.includes(STOCK_ROLE) || canAdministerRegion(principal, ownerRegion)) return;
  throw notStockManager(ownerRegion);
}
