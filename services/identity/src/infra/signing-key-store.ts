import type { ClientBase, Pool } from 'pg';
import { withTransaction } from '@shopstream/service-defaults/postgres';
import { createKeyRing, generateSigningKey, importKeyRing, type KeyRing } from '../domain/signing-keys.js';
import type { SigningKeyStore } from '../app/ports.js';

/**
 * STOP-GAP storage of the key ring in identity's own database (table `signing_keys`, the exported ring
 * with the current private key in clear). A secret store replaces it; the interface stays the same.
 */
export async function openSigningKeyStore(
  pool: Pool,
  now: () => number = Date.now,
): Promise<SigningKeyStore> {
  let ring = await withTransaction(pool, (client) => loadOrCreate(client, now()));
  const store: SigningKeyStore = {
    keyRing: () => ring,
    async reload() {
      ring = await withTransaction(pool, async (client) => {
        const stored = await read(client, false);
        if (stored === undefined) throw new Error('The signing key ring disappeared.');
        return importKeyRing(stored.keyRing);
      });
      return ring;
    },
    rotate: (options) => store.rotateIfOlderThan(0, options),
    async rotateIfOlderThan(maxAgeMs, options) {
      ring = await withTransaction(pool, async (client) => {
        const stored = await read(client, true);
        if (stored === undefined) throw new Error('The signing key ring disappeared.');
        const locked = await importKeyRing(stored.keyRing);
        if (options.now - locked.current.createdAt < maxAgeMs) return locked;
        const next = locked.rotate(await generateSigningKey(options.now), options);
        await client.query(
          `UPDATE signing_keys SET key_ring = $1, current_kid = $2, version = version + 1, rotated_at = $3
           WHERE ring_id = 'access-tokens'`,
          [await next.exportSecret(), next.current.kid, new Date(options.now)],
        );
        return next;
      });
      return ring;
    },
  };
  return store;
}

async function loadOrCreate(client: ClientBase, now: number): Promise<KeyRing> {
  const stored = await read(client, false);
  if (stored !== undefined) return importKeyRing(stored.keyRing);
  const fresh = createKeyRing(await generateSigningKey(now));
  // Instances starting together: the first insert wins, everyone then reads the winner's ring.
  await client.query(
    `INSERT INTO signing_keys (current_kid, key_ring, version) VALUES ($1, $2, 1)
     ON CONFLICT (ring_id) DO NOTHING`,
    [fresh.current.kid, await fresh.exportSecret()],
  );
  const winner = await read(client, false);
  if (winner === undefined) throw new Error('The signing key ring could not be stored.');
  return importKeyRing(winner.keyRing);
}

async function read(client: ClientBase, forUpdate: boolean): Promise<{ keyRing: unknown } | undefined> {
  const result = await client.query<{ key_ring: unknown }>(
    `SELECT key_ring FROM signing_keys WHERE ring_id = 'access-tokens'${forUpdate ? ' FOR UPDATE' : ''}`,
  );
  const row = result.rows[0];
  return row && { keyRing: row.key_ring };
}
