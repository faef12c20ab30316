import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Object keys of seeded product images, unguessable (adr/0068): `<tenant>/products/seed-<n>-<tag>/1.png`,
 * where `tag` is 128 bits of HMAC-SHA256 over tenant and index, keyed by a secret of the data folder. The
 * same data folder always gives the same key (the seed stays idempotent), yet nobody can derive a draft's
 * image key from another product's, as they could from `seed-<n>` alone.
 */
export function seedMediaKey(secret: Buffer, tenantId: string, index: number): string {
  const tag = createHmac('sha256', secret).update(`${tenantId}:${index}`).digest().subarray(0, 16);
  return `${tenantId}/products/seed-${index}-${tag.toString('base64url')}/1.png`;
}

/** The data folder's seed secret (32 random bytes, owner-only), made on first use. */
export function seedMediaSecret(file: string): Buffer {
  try {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  } catch {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const secret = randomBytes(32);
    writeFileSync(file, secret.toString('base64url'), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  }
}
