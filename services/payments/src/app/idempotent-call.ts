import { createHash } from 'node:crypto';
import { idempotencyKeyReused } from '../domain/payment-errors.js';
import type { PaymentTransaction } from './ports.js';

export interface Replayable<T> {
  readonly result: T;
  /** True when this is the stored answer of an earlier call with the same key. */
  readonly replayed: boolean;
}

/** sha256 of the request as JSON: the same key with another request is refused. */
export const fingerprintOf = (request: unknown): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

/**
 * Runs `work` once per idempotency key inside the caller's tenant transaction. The key is claimed first (a
 * concurrent call with the same key waits on the row until this transaction ends), the answer is stored with
 * the change, a repeat gets it back. A rollback releases the claim, so a retry runs again.
 */
export async function idempotentCall<T>(
  tx: PaymentTransaction,
  claim: { readonly key: string; readonly operation: string; readonly request: unknown },
  work: () => Promise<T>,
): Promise<Replayable<T>> {
  const outcome = await tx.claimKey(claim.key, claim.operation, fingerprintOf(claim.request));
  if (outcome.kind === 'mismatch') throw idempotencyKeyReused();
  if (outcome.kind === 'replay') return { result: outcome.response as T, replayed: true };
  const result = await work();
  await tx.completeKey(claim.key, result);
  return { result, replayed: false };
}
