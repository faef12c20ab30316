// Test support (not exported): an issuer with Ed25519 keys that signs access tokens like identity does.
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  SignJWT,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
} from 'jose';

export const ISSUER = 'https://identity.shopstream.test';
export const AUDIENCE = 'shopstream';
export const START_MS = 1_750_000_000_000;

export interface TestKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function createTestKey(): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'EdDSA', use: 'sig' } };
}

export function keySet(...keys: TestKey[]): JSONWebKeySet {
  return { keys: keys.map((k) => k.publicJwk) };
}

/** Valid claims at `nowMs` (10 minutes of lifetime), with `overrides` applied. */
export function claimsAt(nowMs: number, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(nowMs / 1000);
  return {
    sub: 'user-1',
    tenant: 'tenant-a',
    roles: ['user'],
    admin: false,
    sid: 'session-1',
    jti: 'token-1',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now,
    nbf: now,
    exp: now + 600,
    ...overrides,
  };
}

export function signToken(
  key: TestKey,
  claims: JWTPayload,
  header: { alg?: string; typ?: string; kid?: string } = {},
): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'EdDSA', typ: 'at+jwt', kid: key.kid, ...header })
    .sign(key.privateKey);
}

/** A JWKS source that counts its calls and can be switched to another set or to failing. */
export function countingJwks(initial: JSONWebKeySet): {
  fetch: () => Promise<JSONWebKeySet>;
  calls: () => number;
  publish: (set: JSONWebKeySet) => void;
  fail: (failing: boolean) => void;
} {
  let current = initial;
  let count = 0;
  let failing = false;
  return {
    fetch: () => {
      count += 1;
      return failing
        ? Promise.reject(new Error('jwks endpoint down'))
        : Promise.resolve(structuredClone(current));
    },
    calls: () => count,
    publish: (set) => {
      current = set;
    },
    fail: (value) => {
      failing = value;
    },
  };
}
