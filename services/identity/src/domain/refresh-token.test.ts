import { describe, expect, it } from 'vitest';
import {
  hashRefreshToken,
  newFamilyId,
  newRefreshSecret,
  parseRefreshToken,
  REFRESH_TOKEN_LENGTH,
  refreshToken,
  refreshTokenHashesEqual,
} from './refresh-token.js';

describe('refresh tokens', () => {
  it('are <familyId>.<secret> with 128 and 256 random bits', () => {
    const token = refreshToken(newFamilyId(), newRefreshSecret());
    expect(token.value).toMatch(/^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
    expect(token.value).toHaveLength(REFRESH_TOKEN_LENGTH);
    expect(Buffer.from(token.secret, 'base64url')).toHaveLength(32);
    expect(Buffer.from(token.familyId, 'base64url')).toHaveLength(16);
  });

  it('never repeat', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => newRefreshSecret()));
    expect(seen.size).toBe(1000);
  });

  it('parse only exact, canonical tokens', () => {
    const { value, familyId, secret } = refreshToken(newFamilyId(), newRefreshSecret());
    expect(parseRefreshToken(value)).toEqual({ familyId, secret, value });
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(secret.at(-1) ?? '') ^ 1] ?? '';
    const respelled = `${familyId}.${secret.slice(0, -1)}${sibling}`; // same bytes: the low 2 bits are unused
    expect(Buffer.from(respelled.split('.')[1] ?? '', 'base64url').toString('base64url')).toBe(secret);
    for (const bad of [
      `${value} `,
      ` ${value}`,
      value.replace('.', ':'),
      `${familyId}.${secret}.x`,
      `${familyId}.`,
      'a'.repeat(1_000_000),
      respelled,
      42,
      undefined,
    ]) {
      expect(parseRefreshToken(bad)).toBeUndefined();
    }
  });

  it('hash to SHA-256 and compare hashes exactly', () => {
    const token = refreshToken(newFamilyId(), newRefreshSecret());
    const hash = hashRefreshToken(token.value);
    expect(Buffer.from(hash, 'base64url')).toHaveLength(32);
    expect(hash).not.toContain(token.secret);
    expect(refreshTokenHashesEqual(hash, hashRefreshToken(token.value))).toBe(true);
    expect(refreshTokenHashesEqual(hash, hashRefreshToken(`${token.value.slice(0, -1)}x`))).toBe(false);
    expect(refreshTokenHashesEqual(hash, hash.slice(0, -4))).toBe(false);
    expect(refreshTokenHashesEqual('', '')).toBe(false);
  });
});
