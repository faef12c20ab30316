import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { checkNewPassword, normalizePassword, passwordProblem } from './password-policy.js';

const code = (value: string): Error => expect.objectContaining({ code: value, kind: 'validation' }) as Error;

describe('password policy', () => {
  it('counts 7 characters as too short, accepts 8 and 128, refuses 129', () => {
    expect(passwordProblem('k7#mQz2')?.code).toBe('Identity.WeakPassword');
    expect(passwordProblem('k7#mQz2v')).toBeUndefined();
    expect(passwordProblem('k'.repeat(128))).toBeUndefined();
    expect(passwordProblem('k'.repeat(129))?.code).toBe('Identity.PasswordTooLong');
  });

  it('counts code points, so 8 emoji are 8 characters and 7 are too few', () => {
    expect(passwordProblem('🦊🐙🌵🍉🚲🎈🧩🪐')).toBeUndefined();
    expect(passwordProblem('🦊🐙🌵🍉🚲🎈🧩')?.code).toBe('Identity.WeakPassword');
    expect(passwordProblem('🦊'.repeat(128))).toBeUndefined(); // 512 bytes
    expect(passwordProblem('🦊'.repeat(129))?.code).toBe('Identity.PasswordTooLong');
  });

  it('counts after NFKC: a decomposed é and its composed form are one character and the same password', () => {
    const composed = 'caf\u00e9-latte';
    const decomposed = 'cafe\u0301-latte';
    expect(checkNewPassword(decomposed)).toBe(checkNewPassword(composed));
    expect(passwordProblem('\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9')?.code).toBe('Identity.WeakPassword');
    expect(passwordProblem('e\u0301'.repeat(7))?.code).toBe('Identity.WeakPassword'); // 14 units, 7 after NFKC
  });

  it('treats compatibility forms as equal (full-width letters, ligatures)', () => {
    expect(normalizePassword('\uff30\uff41\uff53\uff53 word')).toBe('Pass word');
    expect(normalizePassword('\ufb01ne-tuned')).toBe('fine-tuned');
  });

  it('keeps combining-mark sequences that do not compose as separate characters', () => {
    const zalgo = 'a\u0336\u0337\u0338b'; // 4 code points, no precomposed form
    expect(passwordProblem(zalgo.repeat(2))).toBeUndefined();
    expect(passwordProblem(zalgo)?.code).toBe('Identity.WeakPassword');
  });

  it('refuses a 1 MB password quickly, before normalising it', () => {
    const huge = 'a'.repeat(1024 * 1024);
    const started = performance.now();
    expect(passwordProblem(huge)?.code).toBe('Identity.PasswordTooLong');
    expect(() => checkNewPassword(huge)).toThrow(code('Identity.PasswordTooLong'));
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses more than 1024 UTF-8 bytes even when the character count would pass', () => {
    expect(normalizePassword('€'.repeat(341))).toBeDefined(); // 1023 bytes
    expect(normalizePassword('€'.repeat(342))).toBeUndefined(); // 1026 bytes
  });

  it('refuses lone surrogates and non-strings', () => {
    expect(passwordProblem('abcdefgh\ud800')?.code).toBe('Identity.InvalidPassword');
    expect(passwordProblem(12345678)?.code).toBe('Identity.InvalidPassword');
    expect(passwordProblem(undefined)?.code).toBe('Identity.InvalidPassword');
  });

  it('refuses common passwords case-insensitively and after NFKC', () => {
    expect(COMMON_PASSWORDS.size).toBe(100);
    for (const common of ['password', 'Password1', 'QWERTYUIOP', '\uff50assword']) {
      expect(passwordProblem(common)?.code).toBe('Identity.WeakPassword');
    }
  });

  it('refuses a password equal to a context word', () => {
    expect(passwordProblem('Ana@Example.com', { context: ['ana@example.com'] })?.code).toBe(
      'Identity.WeakPassword',
    );
    expect(passwordProblem('ana@example.com-2', { context: ['ana@example.com'] })).toBeUndefined();
  });

  it('has no composition rules: lower-case letters alone are fine', () => {
    expect(passwordProblem('correct horse battery staple')).toBeUndefined();
  });

  it('throws a field-level error that does not contain the password', () => {
    const attempt = () => checkNewPassword('short1!');
    expect(attempt).toThrow(code('Identity.WeakPassword'));
    try {
      attempt();
    } catch (error) {
      expect(JSON.stringify(error)).not.toContain('short1!');
      expect(String(error)).not.toContain('short1!');
      expect(error).toMatchObject({ fields: [{ field: 'password' }] });
    }
  });
});
