import type { ClientBase } from 'pg';
import { claimIdempotencyKey, completeIdempotencyKey } from '@shopstream/service-defaults/postgres';

export type IdempotencyClaim =
  { readonly kind: 'new' } | { readonly kind: 'replay'; readonly response: unknown };

export interface IdempotencyRepository {
  /**
   * Claims `key` for this transaction. A concurrent holder makes this wait (unique index) until it commits
   * (→ its stored response) or rolls back (→ ours). Different operation or fingerprint → `mismatch`.
   */
  claim(
    key: string,
    operation: string,
    requestHash: string,
  ): Promise<IdempotencyClaim | { readonly kind: 'mismatch' }>;
  /** Stores the response the key replays from now on (same transaction as the change). */
  complete(key: string, response: unknown): Promise<void>;
}

export function idempotencyRepository(client: ClientBase): IdempotencyRepository {
  return {
    claim: (key, operation, requestHash) => claimIdempotencyKey(client, key, operation, requestHash),
    complete: (key, response) => completeIdempotencyKey(client, key, response),
  };
}
