import { describe, expect, it } from 'vitest';
import { assertRegionAdmin, assertStockManager, isCatalogAdmin } from './region-access.js';

const caller = (roles: string[], admin = false) => ({ roles, admin });

describe('region ownership', () => {
  it('lets the owning region admin and the tenant admin administer, nobody else', () => {
    expect(() => assertRegionAdmin(caller(['catalog.admin:eu']), 'eu')).not.toThrow();
    expect(() => assertRegionAdmin(caller([], true), 'us')).not.toThrow();
    for (const roles of [
      ['catalog.admin:us'],
      ['catalog.admin'],
      ['catalog.admin:eu-west'],
      ['catalog.stock'],
      [],
    ]) {
      expect(() => assertRegionAdmin(caller(roles), 'eu')).toThrow(
        expect.objectContaining({ code: 'Catalog.NotRegionAdmin' }),
      );
    }
  });

  it('lets catalog.stock, the owning region admin and the tenant admin move stock', () => {
    expect(() => assertStockManager(caller(['catalog.stock']), 'eu')).not.toThrow();
    expect(() => assertStockManager(caller(['catalog.admin:eu']), 'eu')).not.toThrow();
    expect(() => assertStockManager(caller([], true), 'eu')).not.toThrow();
    expect(() => assertStockManager(caller(['catalog.admin:us', 'customer']), 'eu')).toThrow(
      expect.objectContaining({ code: 'Catalog.NotStockManager' }),
    );
  });

  it('treats any region admin and the tenant admin as catalog admins (drafts, history)', () => {
    expect(isCatalogAdmin(undefined)).toBe(false);
    expect(isCatalogAdmin(caller(['catalog.stock']))).toBe(false);
    expect(isCatalogAdmin(caller(['catalog.admin:apac']))).toBe(true);
    expect(isCatalogAdmin(caller([], true))).toBe(true);
  });
});
