import fc from 'fast-check';
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.js';
import {
  AUDIENCE,
  claimsAt,
  countingJwks,
  createTestKey,
  ISSUER,
  keySet,
  signToken,
  START_MS,
} from './token-fixtures.js';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.js';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const OTHER_ALGS = ['none', 'HS256', 'HS512', 'RS256', 'ES256', 'PS256', 'Ed25519', 'ES256K', 'eddsa', ''];

type Mutation = (token: string) => string;

const anyChar = fc.oneof(
  fc.constantFrom(...ALPHABET.split('')),
  fc.constantFrom('.', '=', ' ', '+', '/', '%', '\u0000', 'é'),
);

const flip: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), anyChar).map(([at, char]) => (t) => {
  const i = at % t.length;
  return t.slice(0, i) + char + t.slice(i + 1);
});
const insert: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(), anyChar).map(([at, char]) => (t) => {
  const i = at % (t.length + 1);
  return t.slice(0, i) + char + t.slice(i);
});
const remove: fc.Arbitrary<Mutation> = fc.nat().map((at) => (t) => {
  const i = at % t.length;
  return t.slice(0, i) + t.slice(i + 1);
});
const swapSegments: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(2), fc.nat(2)).map(([a, b]) => (t) => {
  const parts = t.split('.');
  const x = parts[a];
  const y = parts[b];
  if (x === undefined || y === undefined) return t;
  parts[a] = y;
  parts[b] = x;
  return parts.join('.');
});
const reHeader: fc.Arbitrary<Mutation> = fc
  .tuple(fc.constantFrom(...OTHER_ALGS, 'EdDSA'), fc.constantFrom('at+jwt', 'JWT', undefined), fc.boolean())
  .map(([alg, typ, keepKid]) => (t) => {
    const [header = '', ...rest] = t.split('.');
    const decoded = JSON.parse(new TextDecoder().decode(safeDecode(header) ?? new Uint8Array())) as unknown;
    const base = typeof decoded === 'object' && decoded !== null ? decoded : {};
    const next = { ...base, alg, typ, ...(keepKid ? {} : { kid: 'other' }) };
    return [base64url.encode(JSON.stringify(next)), ...rest].join('.');
  });
const rePayload: fc.Arbitrary<Mutation> = fc
  .record({
    admin: fc.boolean(),
    tenant: fc.constantFrom('tenant-a', 'tenant-b'),
    roles: fc.constantFrom(['user'], ['admin'], []),
    exp: fc.integer({ min: 0, max: 2 ** 32 }),
  })
  .map((change) => (t) => {
    const [header = '', payload = '', signature = ''] = t.split('.');
    const decoded = JSON.parse(new TextDecoder().decode(safeDecode(payload) ?? new Uint8Array())) as object;
    return [header, base64url.encode(JSON.stringify({ ...decoded, ...change })), signature].join('.');
  });
const dropSignature: fc.Arbitrary<Mutation> = fc.constantFrom<Mutation>(
  (t) => t.slice(0, t.lastIndexOf('.') + 1),
  (t) => `${t}.`,
  (t) => t.split('.').slice(0, 2).join('.'),
);

function safeDecode(segment: string): Uint8Array | undefined {
  try {
    return base64url.decode(segment);
  } catch {
    return undefined;
  }
}

/** Structural mutations of one token, applied 1–4 times in a row. */
const mutations = fc.array(fc.oneof(flip, insert, remove, swapSegments, reHeader, rePayload, dropSignature), {
  minLength: 1,
  maxLength: 4,
});

describe('createTokenVerifier under random mutation', () => {
  let verifier: TokenVerifier;
  let valid: string;
  let fetches: () => number;

  beforeAll(async () => {
    const key = await createTestKey();
    const source = countingJwks(keySet(key));
    fetches = source.calls;
    verifier = createTokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwks: source.fetch,
      clockToleranceSec: 5,
      cacheTtlMs: 3_600_000,
      refetchCooldownMs: 3_600_000,
      now: () => START_MS,
    });
    valid = await signToken(key, claimsAt(START_MS));
    await verifier.verify(valid);
  });

  it('accepts none of thousands of mutated tokens', async () => {
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(mutations, async (steps) => {
        let mutated = valid;
        for (const step of steps) {
          try {
            mutated = step(mutated);
          } catch {
            // A mutation that cannot apply (undecodable header) leaves the token as it is.
          }
        }
        fc.pre(mutated !== valid);
        tried += 1;
        const outcome: unknown = await verifier.verify(mutated).then(
          () => 'accepted',
          (e: unknown) => e,
        );
        expect(isDomainError(outcome) ? outcome.code : outcome).toMatch(
          /^Auth\.(InvalidToken|TokenExpired)$/,
        );
      }),
      { numRuns: 3000 },
    );
    expect(tried).toBeGreaterThan(2000);
    expect(fetches()).toBe(1); // unknown kids within the cooldown never refetch
  });
});
