import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { assertTenantId, isTenantId } from './with-tenant.js';

describe('tenant ids', () => {
  it.each(['tenant-a', 'acme', 'a1', '0-shop', 'a'.repeat(63)])('accepts %s', (id) => {
    expect(isTenantId(id)).toBe(true);
  });

  it.each(['', 'a', '-acme', 'Acme', 'ac me', "a'; DROP TABLE x; --", 'a'.repeat(64), 'tenant_a', 'ténant'])(
    'rejects %j',
    (id) => {
      expect(isTenantId(id)).toBe(false);
    },
  );

  it('throws a validation DomainError without echoing the value', () => {
    const error = (() => {
      try {
        assertTenantId('<script>');
      } catch (err) {
        return err;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ kind: 'validation', code: 'Tenant.Invalid' });
    expect((error as Error).message).not.toContain('<script>');
  });
});
