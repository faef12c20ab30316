import { describe, expect, it } from 'vitest';
import { bearerToken } from './bearer-token.js';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';

describe('bearerToken', () => {
  it('returns the JWT of a well-formed header, the scheme in any case', () => {
    expect(bearerToken(`Bearer ${JWT}`)).toBe(JWT);
    expect(bearerToken(`bearer ${JWT}`)).toBe(JWT);
  });

  it('returns undefined when there is no header', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
  });

  it.each([
    ['another scheme', `Basic ${JWT}`],
    ['no token', 'Bearer '],
    ['two spaces', `Bearer  ${JWT}`],
    ['trailing space', `Bearer ${JWT} `],
    ['leading space', ` Bearer ${JWT}`],
    ['two segments', 'Bearer a.b'],
    ['four segments', `Bearer ${JWT}.d`],
    ['empty segment', 'Bearer a..c'],
    ['padding', `Bearer ${JWT}=`],
    ['two tokens', `Bearer ${JWT}, Bearer ${JWT}`],
    ['a newline', `Bearer ${JWT}\n`],
    ['standard base64', 'Bearer a+b.c/d.e'],
  ])('rejects %s', (_name, header) => {
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ code: 'Auth.InvalidToken' }));
  });

  it('rejects a header over 8 KiB without scanning it', () => {
    const huge = `Bearer ${'a'.repeat(4096)}.${'b'.repeat(4096)}.c`;
    expect(() => bearerToken(huge)).toThrow(expect.objectContaining({ code: 'Auth.InvalidToken' }));
    const started = performance.now();
    expect(() => bearerToken(`Bearer ${'a'.repeat(1_000_000)}`)).toThrow();
    expect(performance.now() - started).toBeLessThan(50);
  });
});
