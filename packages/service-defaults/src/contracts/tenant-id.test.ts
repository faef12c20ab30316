import { describe, expect, it } from 'vitest';
import { isTenantId, tenantIdSchema } from './tenant-id.js';

describe('the tenant-id rule', () => {
  it.each(['tenant-a', 'acme', 'a1', '0-shop', 'demo', 'a'.repeat(63)])('accepts %s', (id) => {
    expect(isTenantId(id)).toBe(true);
    expect(tenantIdSchema.safeParse(id).success).toBe(true);
  });

  // One letter is refused everywhere: the web's host names, media keys and config included.
  it.each(['', 'a', '-acme', 'Acme', 'ac me', "a'; DROP TABLE x; --", 'a'.repeat(64), 'tenant_a', 'ténant'])(
    'rejects %j',
    (id) => {
      expect(isTenantId(id)).toBe(false);
      expect(tenantIdSchema.safeParse(id).success).toBe(false);
    },
  );
});
