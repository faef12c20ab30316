import { describe, expect, it } from 'vitest';
import { parseSignIn } from './sign-in.js';

const valid = { tenantId: 'tenant-a', email: 'Ana@Example.com', password: 'old' };

describe('parseSignIn', () => {
  it('does not apply the password policy (old passwords keep working) but normalises it', () => {
    expect(parseSignIn(valid)).toEqual({ tenantId: 'tenant-a', email: 'Ana@example.com', password: 'old' });
    expect(parseSignIn({ ...valid, password: '\uff30assword' }).password).toBe('Password');
  });

  it.each([
    ['an empty password', { ...valid, password: '' }],
    ['a 1 MB password', { ...valid, password: 'x'.repeat(1024 * 1024) }],
    ['a lone surrogate', { ...valid, password: 'abc\udc00' }],
    ['a malformed email', { ...valid, email: 'ana@' }],
    ['an extra key', { ...valid, remember: 'yes' }],
    ['no body', undefined],
  ])('refuses %s with Identity.InvalidSignIn', (_name, input) => {
    expect(() => parseSignIn(input)).toThrow(
      expect.objectContaining({ code: 'Identity.InvalidSignIn', kind: 'validation' }),
    );
  });

  it('refuses a 1 MB password fast and without echoing it', () => {
    const started = performance.now();
    let message = '';
    try {
      parseSignIn({ ...valid, password: 'secret'.repeat(200_000) });
    } catch (error) {
      message = JSON.stringify(error);
    }
    expect(performance.now() - started).toBeLessThan(100);
    expect(message).not.toContain('secretsecret');
  });
});
