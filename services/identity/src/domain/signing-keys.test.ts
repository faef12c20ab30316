import { calculateJwkThumbprint, importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createKeyRing, generateSigningKey, importKeyRing, type SigningKey } from './signing-keys.js';

const NOW = 1_750_000_000_000;
let first: SigningKey;
let second: SigningKey;
let third: SigningKey;

beforeAll(async () => {
  [first, second, third] = await Promise.all([
    generateSigningKey(NOW),
    generateSigningKey(NOW),
    generateSigningKey(NOW),
  ]);
});

describe('signing key ring', () => {
  it('names each key by its RFC 7638 thumbprint', async () => {
    const { kty, crv, x } = first.publicJwk;
    expect(first.kid).toBe(await calculateJwkThumbprint({ kty, crv, x }));
    expect(first.kid).not.toBe(second.kid);
  });

  it('publishes only public Ed25519 keys with kid, alg and use', () => {
    const jwks = createKeyRing(first).jwks(NOW);
    expect(jwks.keys).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: first.publicJwk.x, kid: first.kid, alg: 'EdDSA', use: 'sig' },
    ]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });

  it('keeps a rotated-out key published for the retain window, then drops it', () => {
    const ring = createKeyRing(first).rotate(second, { now: NOW, retainMs: 15 * 60_000 });
    expect(ring.current.kid).toBe(second.kid);
    expect(ring.jwks(NOW + 60_000).keys.map((k) => k.kid)).toEqual([second.kid, first.kid]);
    expect(ring.jwks(NOW + 15 * 60_000).keys.map((k) => k.kid)).toEqual([second.kid]);
    const again = ring.rotate(third, { now: NOW + 20 * 60_000, retainMs: 15 * 60_000 });
    expect(again.retired.map((k) => k.kid)).toEqual([second.kid]);
  });

  it('exports and imports the ring, with retired keys public-only', async () => {
    const ring = createKeyRing(first).rotate(second, { now: NOW, retainMs: 60_000 });
    const exported = await ring.exportSecret();
    expect(exported.retired[0]?.publicJwk).not.toHaveProperty('d');
    const restored = await importKeyRing(JSON.parse(JSON.stringify(exported)));
    expect(restored.current.kid).toBe(second.kid);
    expect(restored.jwks(NOW)).toEqual(ring.jwks(NOW));
    expect(restored.current.privateKey.type).toBe('private');
  });

  it('refuses a malformed export or a private key that does not match its public key, echoing nothing', async () => {
    const exported = await createKeyRing(first).exportSecret();
    const otherX = second.publicJwk.x;
    const mismatched = {
      ...exported,
      current: { ...exported.current, privateJwk: { ...exported.current.privateJwk, x: otherX } },
    };
    await expect(importKeyRing(mismatched)).rejects.toThrow(/does not match/);
    const broken = {
      ...exported,
      current: { ...exported.current, privateJwk: { ...exported.current.privateJwk, d: 'short' } },
    };
    const error: unknown = await importKeyRing(broken).catch((e: unknown) => e);
    expect(String(error)).not.toContain(exported.current.privateJwk.d);
    expect(String(error)).not.toContain('short');
  });

  it('does not reveal the private key when the ring is stringified or inspected', async () => {
    const ring = createKeyRing(first);
    const { d } = (await ring.exportSecret()).current.privateJwk;
    const { inspect } = await import('node:util');
    expect(JSON.stringify(ring)).not.toContain(d);
    expect(inspect(ring, { depth: 10 })).not.toContain(d);
    // The published key really is the signing key's public half.
    await expect(importJWK(ring.jwks(NOW).keys[0] ?? {}, 'EdDSA')).resolves.toBeDefined();
  });
});
