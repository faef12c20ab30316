import { createHash } from 'node:crypto';
import { idempotencyKeyInProgress, idempotencyKeyReused } from '../domain/orders-errors.js';
import type { CartDeps } from './ports.js';

export interface IdempotentResult<T> {
  readonly result: T;
  /** The stored answer of an earlier call with the same key. */
  readonly replayed: boolean;
}

/** A request's fingerprint: the operation and its fields in a fixed order (the caller lists them). */
export const fingerprintOf = (operation: string, fields: readonly unknown[]): string =>
  createHash('sha256')
    .update(JSON.stringify([operation, ...fields]))
    .digest('base64url');

/**
 * Runs `work` once per idempotency key within `scope` (whose cart, whose order): the first call claims the
 * key, a retry with the same request replays the stored answer, the key with another request is
 * `Idempotency.KeyReused` (naming it), a retry while the first still runs is `Idempotency.InProgress`. A failed
 * `work` releases the claim, so a retry runs again. If storing the answer fails the answer is still returned:
 * the claim's lease runs out and a later retry runs `work` again, which must itself be safe to repeat (the
 * cart remembers the keys it applied).
 */
export async function idempotently<T>(
  deps: Pick<CartDeps, 'idempotency' | 'logger'>,
  request: { readonly scope: string; readonly key: string; readonly fingerprint: string },
  work: () => Promise<T>,
): Promise<IdempotentResult<T>> {
  const storeKey = `${request.scope}|${request.key}`;
  const claim = await deps.idempotency.claim(storeKey, request.fingerprint);
  if (claim.kind === 'mismatch') throw idempotencyKeyReused(request.key);
  if (claim.kind === 'in-progress') throw idempotencyKeyInProgress(request.key);
  if (claim.kind === 'replay') return { result: claim.response as T, replayed: true };
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await deps.idempotency.release(storeKey, claim.claimId).catch((releaseError: unknown) => {
      deps.logger.warn({ err: releaseError }, 'could not release an idempotency claim; it expires by itself');
    });
    throw error;
  }
  await deps.idempotency.complete(storeKey, claim.claimId, result).catch((storeError: unknown) => {
    deps.logger.warn({ err: storeError }, 'could not store an idempotent answer; a retry runs again');
  });
  return { result, replayed: false };
}
