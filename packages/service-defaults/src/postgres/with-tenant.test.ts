import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { assertTenantId } from './with-tenant.js';

describe('assertTenantId', () => {
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
