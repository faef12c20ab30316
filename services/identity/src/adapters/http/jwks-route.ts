import type { DaprServer } from '@dapr/dapr';
import { jsonRoute } from '@shopstream/service-defaults';
import { JWKS_PATH } from '@shopstream/service-defaults/auth';
import type { KeyRing } from '../../domain/signing-keys.js';
import type { SigningKeyStore } from '../../app/ports.js';

/** The published set is re-read from the database at most this often (verifiers fetch it rarely). */
const RELOAD_AT_MOST_EVERY_MS = 1_000;

/**
 * `GET /.well-known/jwks.json` on identity-sessions: the public keys that verify access tokens (the current
 * signer first, then retired keys still inside their window), fetched by other services through their
 * sidecar (`sidecarJwks` in service-defaults). Served from the stored ring, so a key rotated in by any
 * instance is published at once. Public halves only: `exportSecret` is never involved.
 */
export function registerJwksRoute(server: DaprServer, keys: Pick<SigningKeyStore, 'reload'>): void {
  let loaded: { readonly at: number; readonly ring: Promise<KeyRing> } | undefined;
  const currentRing = (): Promise<KeyRing> => {
    const now = Date.now();
    if (loaded === undefined || now - loaded.at >= RELOAD_AT_MOST_EVERY_MS) {
      const ring = keys.reload();
      loaded = { at: now, ring };
      ring.catch(() => {
        if (loaded?.ring === ring) loaded = undefined; // a failed read is retried by the next request
      });
    }
    return loaded.ring;
  };
  jsonRoute(server, 'get', `/${JWKS_PATH}`, async () => (await currentRing()).jwks(Date.now()));
}
