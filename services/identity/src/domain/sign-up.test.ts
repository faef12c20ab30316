import { describe, expect, it } from 'vitest';
import { parseSignUp } from './sign-up.js';

const valid = { tenantId: 'tenant-a', email: '  Ana.Lima@Example.COM ', password: 'correct horse battery' };

function failure(input: unknown): {
  code: string;
  kind: string;
  fields: { field: string; detail: string }[];
} {
  try {
    parseSignUp(input);
  } catch (error) {
    return error as { code: string; kind: string; fields: { field: string; detail: string }[] };
  }
  throw new Error('expected a failure');
}

describe('parseSignUp', () => {
  it('trims the email, lower-cases its domain only and normalises the password', () => {
    expect(parseSignUp({ ...valid, password: 'cafe\u0301 au lait' })).toEqual({
      tenantId: 'tenant-a',
      email: 'Ana.Lima@example.com',
      password: 'caf\u00e9 au lait',
    });
  });

  it('answers Identity.WeakPassword with a password field error when only the password is weak', () => {
    for (const password of ['short', 'password123', 'QWERTYUIOP']) {
      const error = failure({ ...valid, password });
      expect(error).toMatchObject({ code: 'Identity.WeakPassword', kind: 'validation' });
      expect(error.fields.map((f) => f.field)).toEqual(['password']);
    }
  });

  it('answers Identity.PasswordTooLong for 129 characters and for a 1 MB password, quickly', () => {
    expect(failure({ ...valid, password: 'x'.repeat(129) }).code).toBe('Identity.PasswordTooLong');
    const started = performance.now();
    expect(failure({ ...valid, password: 'x'.repeat(1024 * 1024) }).code).toBe('Identity.PasswordTooLong');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses a password equal to the email or its local part', () => {
    expect(failure({ ...valid, email: 'longname99@example.com', password: 'LongName99' }).code).toBe(
      'Identity.WeakPassword',
    );
    expect(failure({ ...valid, email: 'ana@example.com', password: 'ana@example.com' }).code).toBe(
      'Identity.WeakPassword',
    );
  });

  it('lists every bad field under Identity.InvalidSignUp when several fail', () => {
    const error = failure({ tenantId: 'Tenant_A', email: 'not-an-email', password: 'short' });
    expect(error.code).toBe('Identity.InvalidSignUp');
    expect(error.fields.map((f) => f.field).sort()).toEqual(['email', 'password', 'tenantId']);
  });

  it.each([
    ['a missing field', { tenantId: 'tenant-a', email: 'a@b.co' }],
    ['a wrong type', { ...valid, password: 12345678 }],
    ['an extra key (no smuggled roles)', { ...valid, admin: true }],
    ['a null body', null],
    ['an array body', [valid]],
    ['an email over 254 characters', { ...valid, email: `${'a'.repeat(64)}@${'b'.repeat(186)}.com` }],
    ['a 1 MB email', { ...valid, email: `${'a'.repeat(1024 * 1024)}@example.com` }],
    ['a script in the email', { ...valid, email: '<script>alert(1)</script>@example.com' }],
    ['SQL in the email', { ...valid, email: "x' OR '1'='1@example.com" }],
    ['a tenant id too short', { ...valid, tenantId: 'a' }],
    ['a tenant id too long', { ...valid, tenantId: 'a'.repeat(64) }],
    ['a tenant id with a leading dash', { ...valid, tenantId: '-tenant' }],
    ['a tenant id with a newline', { ...valid, tenantId: 'tenant\n' }],
  ])('refuses %s', (_name, input) => {
    expect(failure(input)).toMatchObject({ kind: 'validation' });
  });

  it('accepts the tenant id bounds (2 and 63 characters)', () => {
    expect(parseSignUp({ ...valid, tenantId: 'a1' }).tenantId).toBe('a1');
    expect(parseSignUp({ ...valid, tenantId: `a${'-'.repeat(62)}` }).tenantId).toHaveLength(63);
  });

  it('never echoes the password in the error', () => {
    const error = failure({ ...valid, tenantId: '!', password: 'hunter2!' });
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });
});
