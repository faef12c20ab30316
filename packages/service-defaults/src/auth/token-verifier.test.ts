import { base64url, exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import {
  AUDIENCE,
  claimsAt,
  countingJwks,
  createTestKey,
  ISSUER,
  keySet,
  signToken,
  START_MS,
  type TestKey,
} from './token-fixtures.js';
import { createTokenVerifier, type TokenVerifierOptions } from './token-verifier.js';

let k1: TestKey;
let k2: TestKey;
let k3: TestKey;
let foreign: TestKey;

beforeAll(async () => {
  [k1, k2, k3, foreign] = await Promise.all([
    createTestKey(),
    createTestKey(),
    createTestKey(),
    createTestKey(),
  ]);
});

function setup(published: TestKey[], overrides: Partial<TokenVerifierOptions> = {}) {
  const clock = { ms: START_MS };
  const source = countingJwks(keySet(...published));
  const verifier = createTokenVerifier({
    issuer: ISSUER,
    audience: AUDIENCE,
    jwks: source.fetch,
    clockToleranceSec: 5,
    cacheTtlMs: 10 * 60_000,
    refetchCooldownMs: 30_000,
    now: () => clock.ms,
    ...overrides,
  });
  return { clock, source, verifier };
}

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function expectInvalid(promise: Promise<unknown>, code = 'Auth.InvalidToken'): Promise<void> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  expect(error.kind).toBe('unauthenticated');
}

function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

describe('createTokenVerifier', () => {
  it('accepts a valid token and returns its principal', async () => {
    const { verifier } = setup([k1]);
    const principal = await verifier.verify(await signToken(k1, claimsAt(START_MS)));
    expect(principal).toEqual({
      userId: 'user-1',
      tenantId: 'tenant-a',
      roles: ['user'],
      admin: false,
      sessionId: 'session-1',
      tokenId: 'token-1',
    });
  });

  it('rejects a tampered signature and a tampered payload', async () => {
    const { verifier } = setup([k1]);
    const token = await signToken(k1, claimsAt(START_MS));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const flipped = `${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    await expectInvalid(verifier.verify(`${header}.${payload}.${flipped}`));
    const elevated = encodeSegment({ ...claimsAt(START_MS), admin: true });
    await expectInvalid(verifier.verify(`${header}.${elevated}.${signature}`));
  });

  it('rejects alg none without fetching keys', async () => {
    const { verifier, source } = setup([k1]);
    const payload = encodeSegment(claimsAt(START_MS));
    for (const alg of ['none', 'None', 'NONE']) {
      const header = encodeSegment({ alg, typ: 'at+jwt', kid: k1.kid });
      await expectInvalid(verifier.verify(`${header}.${payload}.`));
      await expectInvalid(verifier.verify(`${header}.${payload}.c2ln`));
    }
    expect(source.calls()).toBe(0);
  });

  it('rejects HS256 tokens signed with the public key in every encoding', async () => {
    const { verifier } = setup([k1]);
    const publicKey = await (await import('jose')).importJWK(k1.publicJwk, 'EdDSA');
    const secrets = [
      base64url.decode(k1.publicJwk.x ?? ''),
      new TextEncoder().encode(k1.publicJwk.x ?? ''),
      new TextEncoder().encode(JSON.stringify(k1.publicJwk)),
      new TextEncoder().encode(await exportSPKI(publicKey as CryptoKey)),
    ];
    for (const secret of secrets) {
      for (const alg of ['HS256', 'HS384', 'HS512']) {
        const token = await new SignJWT(claimsAt(START_MS))
          .setProtectedHeader({ alg, typ: 'at+jwt', kid: k1.kid })
          .sign(secret);
        await expectInvalid(verifier.verify(token));
      }
    }
  });

  it('rejects RSA and EC signed tokens even when their key is published', async () => {
    const rsa = await generateKeyPair('RS256', { extractable: true });
    const ec = await generateKeyPair('ES256', { extractable: true });
    const { exportJWK } = await import('jose');
    const published = {
      keys: [
        k1.publicJwk,
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa', alg: 'RS256' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec', alg: 'ES256' },
      ],
    };
    const { verifier } = setup([], { jwks: () => Promise.resolve(published) });
    for (const [alg, key, kid] of [
      ['RS256', rsa.privateKey, 'rsa'],
      ['ES256', ec.privateKey, 'ec'],
    ] as const) {
      const token = await new SignJWT(claimsAt(START_MS))
        .setProtectedHeader({ alg, typ: 'at+jwt', kid })
        .sign(key);
      await expectInvalid(verifier.verify(token));
    }
  });

  it('rejects an expired token with Auth.TokenExpired, honouring the clock tolerance', async () => {
    const { verifier, clock } = setup([k1]);
    const token = await signToken(k1, claimsAt(START_MS));
    clock.ms = START_MS + 600_000 + 4_000; // 4 s past exp, tolerance 5 s
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'user-1' });
    clock.ms = START_MS + 600_000 + 6_000;
    await expectInvalid(verifier.verify(token), 'Auth.TokenExpired');
  });

  it('rejects a token that is not yet valid', async () => {
    const { verifier } = setup([k1]);
    const future = Math.floor(START_MS / 1000) + 60;
    await expectInvalid(verifier.verify(await signToken(k1, claimsAt(START_MS, { nbf: future }))));
  });

  it('rejects wrong audience, wrong issuer, wrong typ and missing or malformed claims', async () => {
    const { verifier } = setup([k1]);
    const variants = [
      signToken(k1, claimsAt(START_MS, { aud: 'other-app' })),
      signToken(k1, claimsAt(START_MS, { iss: 'https://evil.test' })),
      signToken(k1, claimsAt(START_MS), { typ: 'JWT' }),
      signToken(k1, claimsAt(START_MS, { tenant: undefined })),
      signToken(k1, claimsAt(START_MS, { tenant: 'Tenant A' })),
      signToken(k1, claimsAt(START_MS, { admin: 'true' })),
      signToken(k1, claimsAt(START_MS, { roles: 'user' })),
      signToken(k1, claimsAt(START_MS, { jti: undefined })),
      signToken(k1, claimsAt(START_MS, { exp: undefined })),
    ];
    for (const token of await Promise.all(variants)) await expectInvalid(verifier.verify(token));
  });

  it('rejects tokens from another key ring, with its own or a published kid', async () => {
    const { verifier } = setup([k1]);
    await expectInvalid(verifier.verify(await signToken(foreign, claimsAt(START_MS))));
    await expectInvalid(verifier.verify(await signToken(foreign, claimsAt(START_MS), { kid: k1.kid })));
  });

  it('rejects a missing kid, non-strings and oversized input without fetching', async () => {
    const { verifier, source } = setup([k1]);
    const noKid = await new SignJWT(claimsAt(START_MS))
      .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt' })
      .sign(k1.privateKey);
    await expectInvalid(verifier.verify(noKid));
    await expectInvalid(verifier.verify(`${'a'.repeat(9000)}.b.c`));
    await expectInvalid(verifier.verify(''));
    await expectInvalid(verifier.verify(42 as unknown as string));
    expect(source.calls()).toBe(0);
  });

  it('rejects a re-spelled signature whose last character differs only in unused bits', async () => {
    const { verifier } = setup([k1]);
    const token = await signToken(k1, claimsAt(START_MS));
    const last = token.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1] ?? ''; // 86 chars → last char carries 2 bits
    await expectInvalid(verifier.verify(`${token.slice(0, -1)}${sibling}`));
  });

  it('enforces the expected tenant with Auth.WrongTenant (permission_denied)', async () => {
    const { verifier } = setup([k1]);
    const token = await signToken(k1, claimsAt(START_MS));
    await expect(verifier.verify(token, { expectedTenant: 'tenant-a' })).resolves.toBeDefined();
    const error = await rejection(verifier.verify(token, { expectedTenant: 'tenant-b' }));
    expect(error.code).toBe('Auth.WrongTenant');
    expect(error.kind).toBe('permission_denied');
  });

  it('puts nothing from the token into the error', async () => {
    const { verifier, clock } = setup([k1]);
    const secretish = 'user-9f8e7d6c5b4a';
    const token = await signToken(k1, claimsAt(START_MS, { sub: secretish, aud: 'nope' }));
    const invalid = await rejection(verifier.verify(token));
    clock.ms = START_MS + 3_600_000;
    const expired = await rejection(
      verifier.verify(await signToken(k1, claimsAt(START_MS, { sub: secretish }))),
    );
    for (const error of [invalid, expired]) {
      const text = `${error.message} ${JSON.stringify(error)} ${String(error.stack)}`;
      expect(text).not.toContain(secretish);
      expect(text).not.toContain(token.split('.')[1]);
      expect(error.cause).toBeUndefined();
    }
  });
});

describe('createTokenVerifier key cache', () => {
  it('fetches the key set once and then verifies without I/O', async () => {
    const { verifier, source } = setup([k1]);
    const token = await signToken(k1, claimsAt(START_MS));
    await Promise.all(Array.from({ length: 20 }, () => verifier.verify(token)));
    for (let i = 0; i < 20; i += 1) await verifier.verify(token);
    expect(source.calls()).toBe(1);
  });

  it('keeps verifying tokens of the previous key while it is published (rotation)', async () => {
    const { verifier, source } = setup([k2, k1]);
    await verifier.verify(await signToken(k1, claimsAt(START_MS)));
    await verifier.verify(await signToken(k2, claimsAt(START_MS)));
    expect(source.calls()).toBe(1);
  });

  it('refetches exactly once when a new kid appears, also under concurrency', async () => {
    const { verifier, source, clock } = setup([k1]);
    await verifier.verify(await signToken(k1, claimsAt(START_MS)));
    source.publish(keySet(k2, k1));
    clock.ms += 31_000; // past the cooldown of the first fetch
    const fresh = await signToken(k2, claimsAt(clock.ms));
    await Promise.all(Array.from({ length: 10 }, () => verifier.verify(fresh)));
    await verifier.verify(fresh);
    expect(source.calls()).toBe(2);
  });

  it('rejects an unknown kid after one refetch and does not refetch again within the cooldown', async () => {
    const { verifier, source, clock } = setup([k1]);
    await verifier.verify(await signToken(k1, claimsAt(START_MS)));
    clock.ms += 31_000;
    const strangers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signToken(k1, claimsAt(clock.ms), { kid: `made-up-${i}` })),
    );
    for (const token of strangers) await expectInvalid(verifier.verify(token));
    expect(source.calls()).toBe(2);
    await expectInvalid(verifier.verify(await signToken(foreign, claimsAt(clock.ms))));
    expect(source.calls()).toBe(2);
    clock.ms += 31_000;
    await expectInvalid(verifier.verify(await signToken(k3, claimsAt(clock.ms))));
    expect(source.calls()).toBe(3);
  });

  it('refreshes after the TTL and keeps stale keys when the refresh fails', async () => {
    const { verifier, source, clock } = setup([k1], { cacheTtlMs: 60_000 });
    await verifier.verify(await signToken(k1, claimsAt(START_MS)));
    source.fail(true);
    clock.ms += 61_000;
    await verifier.verify(await signToken(k1, claimsAt(clock.ms)));
    await verifier.verify(await signToken(k1, claimsAt(clock.ms)));
    expect(source.calls()).toBe(2);
    source.fail(false);
    source.publish(keySet(k2));
    clock.ms += 31_000;
    await verifier.verify(await signToken(k2, claimsAt(clock.ms)));
    await expectInvalid(verifier.verify(await signToken(k1, claimsAt(clock.ms))));
    expect(source.calls()).toBe(3);
  });

  it('answers Auth.KeysUnavailable when no key set was ever loaded, retrying only after the cooldown', async () => {
    const { verifier, source, clock } = setup([k1]);
    source.fail(true);
    const token = await signToken(k1, claimsAt(START_MS));
    const first = await rejection(verifier.verify(token));
    expect(first.code).toBe('Auth.KeysUnavailable');
    expect(first.kind).toBe('unavailable');
    await rejection(verifier.verify(token));
    expect(source.calls()).toBe(1);
    source.fail(false);
    clock.ms += 31_000;
    await expect(verifier.verify(await signToken(k1, claimsAt(clock.ms)))).resolves.toBeDefined();
    expect(source.calls()).toBe(2);
  });

  it('ignores private, non-Ed25519 and duplicated keys in the published set', async () => {
    const { exportJWK } = await import('jose');
    const privateJwk = { ...(await exportJWK(k2.privateKey)), kid: k2.kid };
    const published = {
      keys: [privateJwk, k3.publicJwk, { ...k3.publicJwk }, { ...k1.publicJwk, use: 'enc' }],
    };
    const { verifier } = setup([], { jwks: () => Promise.resolve(published) });
    for (const key of [k1, k2, k3])
      await expectInvalid(verifier.verify(await signToken(key, claimsAt(START_MS))));
  });
});
