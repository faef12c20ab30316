import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createTokenVerifier } from '@shopstream/service-defaults/auth';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueAccessToken } from './access-token.js';
import { createKeyRing, generateSigningKey, type KeyRing } from './signing-keys.js';

const NOW = 1_750_000_000_000;
const ISSUER = 'https://identity.shopstream.test';
const AUDIENCE = 'shopstream';
const principal = { userId: 'u-1', tenantId: 'tenant-a', roles: ['user'], admin: false, sessionId: 's-1' };
let ring: KeyRing;

beforeAll(async () => {
  ring = createKeyRing(await generateSigningKey(NOW));
});

function verifierFor(keys: () => KeyRing, now = NOW) {
  return createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwks: () => Promise.resolve(keys().jwks(now)),
    clockToleranceSec: 5,
    cacheTtlMs: 60_000,
    refetchCooldownMs: 0,
    now: () => now,
  });
}

describe('issueAccessToken', () => {
  it('signs an EdDSA at+jwt with the current kid and the principal claims', async () => {
    const issued = await issueAccessToken(ring, { principal, issuer: ISSUER, audience: AUDIENCE, now: NOW });
    expect(decodeProtectedHeader(issued.token)).toEqual({
      alg: 'EdDSA',
      typ: 'at+jwt',
      kid: ring.current.kid,
    });
    const claims = decodeJwt(issued.token);
    expect(claims).toMatchObject({
      sub: 'u-1',
      tenant: 'tenant-a',
      roles: ['user'],
      admin: false,
      sid: 's-1',
    });
    expect(claims.exp).toBe(NOW / 1000 + 600);
    expect(claims.iat).toBe(NOW / 1000);
    expect(issued.expiresAt).toBe(claims.exp);
    expect(claims.jti).toBe(issued.tokenId);
  });

  it('draws a fresh random jti per token', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i += 1) {
      ids.add(
        (await issueAccessToken(ring, { principal, issuer: ISSUER, audience: AUDIENCE, now: NOW })).tokenId,
      );
    }
    expect(ids.size).toBe(20);
  });

  it('round-trips through the shared verifier', async () => {
    const issued = await issueAccessToken(ring, { principal, issuer: ISSUER, audience: AUDIENCE, now: NOW });
    await expect(
      verifierFor(() => ring).verify(issued.token, { expectedTenant: 'tenant-a' }),
    ).resolves.toEqual({
      ...principal,
      tokenId: issued.tokenId,
    });
  });

  it('keeps tokens of the previous key valid after a rotation', async () => {
    const old = await issueAccessToken(ring, { principal, issuer: ISSUER, audience: AUDIENCE, now: NOW });
    const rotated = ring.rotate(await generateSigningKey(NOW), { now: NOW, retainMs: 15 * 60_000 });
    const fresh = await issueAccessToken(rotated, {
      principal,
      issuer: ISSUER,
      audience: AUDIENCE,
      now: NOW,
    });
    const verifier = verifierFor(() => rotated);
    await expect(verifier.verify(old.token)).resolves.toBeDefined();
    await expect(verifier.verify(fresh.token)).resolves.toBeDefined();
  });

  it('refuses a ttl of zero, a fraction or over an hour', async () => {
    for (const ttlSec of [0, 1.5, 3601, -1]) {
      await expect(
        issueAccessToken(ring, { principal, issuer: ISSUER, audience: AUDIENCE, ttlSec }),
      ).rejects.toThrow(RangeError);
    }
  });
});
