import { idempotencyKeyReused } from '../domain/catalog-errors.js';
import type { CatalogTransaction } from './ports.js';

export interface IdempotentResult<T> {
  readonly result: T;
  /** The stored response of an earlier call with the same key. */
  readonly replayed: boolean;
}

/**
 * Runs `work` once per idempotency key, inside the caller's tenant transaction: the key is claimed first (a
 * concurrent call with the same key waits for this one), the response is stored with the change, and a
 * retry replays it. A key used for another operation or request fingerprint → `Catalog.IdempotencyKeyReused`.
 * If the transaction rolls back, so does the claim: a retry runs again.
 */
export async function idempotently<T>(
  tx: CatalogTransaction,
  claim: { readonly key: string; readonly operation: string; readonly fingerprint: string },
  work: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  const outcome = await tx.idempotency.claim(claim.key, claim.operation, claim.fingerprint);
  if (outcome.kind === 'mismatch') throw idempotencyKeyReused();
  if (outcome.kind === 'replay') return { result: outcome.response as T, replayed: true };
  const result = await work();
  await tx.idempotency.complete(claim.key, result);
  return { result, replayed: false };
}
