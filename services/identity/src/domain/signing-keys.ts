import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JSONWebKeySet,
  type JWK,
} from 'jose';
import { z } from 'zod';
import { ACCESS_TOKEN_ALGORITHM } from '@shopstream/service-defaults/auth';

/** The key that signs new access tokens. Its private half lives only in this object and the secret export. */
export interface SigningKey {
  /** RFC 7638 thumbprint of the public key. */
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: PublicJwk;
  readonly createdAt: number;
}

/** A key rotated out: it signs nothing any more, and is published (public half only) until `publishedUntil`. */
export interface RetiredKey {
  readonly kid: string;
  readonly publicJwk: PublicJwk;
  readonly publishedUntil: number;
}

export interface PublicJwk extends JWK {
  readonly kty: 'OKP';
  readonly crv: 'Ed25519';
  readonly x: string;
  readonly kid: string;
  readonly alg: 'EdDSA';
  readonly use: 'sig';
}

export interface KeyRing {
  readonly current: SigningKey;
  readonly retired: readonly RetiredKey[];
  /** Public keys to publish at `now`: the current key, then retired keys still within their window. */
  jwks(now?: number): JSONWebKeySet;
  /**
   * A ring where `next` signs and the current key is retired but stays published for `retainMs` — at
   * least the access-token lifetime plus clock tolerance, so tokens it signed keep verifying (nobody is
   * logged out). Retired keys past their window are dropped.
   */
  rotate(next: SigningKey, options: { readonly now: number; readonly retainMs: number }): KeyRing;
  /**
   * Serialisable form for a secret store. Contains the current PRIVATE key: never log it, never put it
   * in an event or an error. Retired keys are exported public-only.
   */
  exportSecret(): Promise<ExportedKeyRing>;
}

const publicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

const exportedKeyRingSchema = z.object({
  version: z.literal(1),
  current: z.object({
    privateJwk: publicJwkSchema.extend({ d: z.string().regex(/^[A-Za-z0-9_-]{43}$/) }),
    createdAt: z.number().int().nonnegative(),
  }),
  retired: z.array(z.object({ publicJwk: publicJwkSchema, publishedUntil: z.number().int().nonnegative() })),
});

export type ExportedKeyRing = z.infer<typeof exportedKeyRingSchema>;

/** A fresh Ed25519 signing key (extractable, so the ring can be exported to the secret store). */
export async function generateSigningKey(now: number = Date.now()): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, {
    crv: 'Ed25519',
    extractable: true,
  });
  return { ...(await describePublicKey(await exportJWK(publicKey))), privateKey, createdAt: now };
}

export function createKeyRing(current: SigningKey, retired: readonly RetiredKey[] = []): KeyRing {
  return {
    current,
    retired,
    jwks: (now = Date.now()) => ({
      keys: [current.publicJwk, ...retired.filter((k) => k.publishedUntil > now).map((k) => k.publicJwk)],
    }),
    rotate: (next, { now, retainMs }) =>
      createKeyRing(next, [
        { kid: current.kid, publicJwk: current.publicJwk, publishedUntil: now + retainMs },
        ...retired.filter((k) => k.publishedUntil > now && k.kid !== next.kid),
      ]),
    exportSecret: async () => {
      const { kty, crv, x, d } = await exportJWK(current.privateKey);
      return exportedKeyRingSchema.parse({
        version: 1,
        current: { privateJwk: { kty, crv, x, d }, createdAt: current.createdAt },
        retired: retired.map((k) => ({
          publicJwk: { kty: k.publicJwk.kty, crv: k.publicJwk.crv, x: k.publicJwk.x },
          publishedUntil: k.publishedUntil,
        })),
      });
    },
  };
}

/** Rebuilds a ring from {@link KeyRing.exportSecret} output, re-deriving every `kid`. Throws on bad input. */
export async function importKeyRing(exported: unknown): Promise<KeyRing> {
  const parsed = exportedKeyRingSchema.safeParse(exported);
  if (!parsed.success) throw new Error('The exported key ring is malformed.'); // no echo of key material
  const { privateJwk, createdAt } = parsed.data.current;
  // The kid and the published key come from `x`: it must really be the public half of `d`.
  const privateKey = await importJWK(privateJwk, ACCESS_TOKEN_ALGORITHM, { extractable: true }).catch(
    () => undefined,
  );
  if (
    !isCryptoKey(privateKey) ||
    privateKey.type !== 'private' ||
    (await exportJWK(privateKey)).x !== privateJwk.x
  ) {
    throw new Error('The signing key is invalid or does not match its public key.');
  }
  const current: SigningKey = {
    ...(await describePublicKey({ kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x })),
    privateKey,
    createdAt,
  };
  const retired = await Promise.all(
    parsed.data.retired.map(async (k) => ({
      ...(await describePublicKey(k.publicJwk)),
      publishedUntil: k.publishedUntil,
    })),
  );
  return createKeyRing(current, retired);
}

async function describePublicKey(jwk: JWK): Promise<{ kid: string; publicJwk: PublicJwk }> {
  const { kty, crv, x } = publicJwkSchema.parse({ kty: jwk.kty, crv: jwk.crv, x: jwk.x });
  const kid = await calculateJwkThumbprint({ kty, crv, x });
  return { kid, publicJwk: { kty, crv, x, kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' } };
}

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof value === 'object' && value !== null && 'type' in value && 'algorithm' in value;
}
