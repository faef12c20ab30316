import type { DaprServer } from '@dapr/dapr';
import { jsonRoute } from '@shopstream/service-defaults';
import { JWKS_PATH } from '@shopstream/service-defaults/auth';
import type { KeyRingSource } from '../infra/signing-key-store.js';

/**
 * `GET /.well-known/jwks.json` on identity-sessions: the public keys that verify access tokens (the current
 * signer first, then retired keys still inside their window), reached by other services through their
 * sidecar (`sidecarJwks` in service-defaults). Public halves only: `exportSecret` is never involved.
 */
export function registerJwksRoute(server: DaprServer, keys: KeyRingSource): void {
  jsonRoute(server, 'get', `/${JWKS_PATH}`, () => Promise.resolve(keys.keyRing().jwks(Date.now())));
}
