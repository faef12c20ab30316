import type { ClientBase } from 'pg';

/** How a claim of an idempotency key ended. */
export type IdempotencyKeyClaim =
  | { readonly kind: 'new' }
  | { readonly kind: 'replay'; readonly response: unknown }
  | { readonly kind: 'mismatch' };

/**
 * Claims `key` in the service's `idempotency_keys` table (`tenant_id, key` primary key, `operation`,
 * `request_hash`, `response jsonb`; row-level security by tenant) inside the caller's transaction. A
 * concurrent holder of the key makes this wait on the unique index until it commits (→ its stored response)
 * or rolls back (→ ours). Another operation or request hash, or a claim without a stored response, is
 * `mismatch`.
 */
export async function claimIdempotencyKey(
  client: ClientBase,
  key: string,
  operation: string,
  requestHash: string,
): Promise<IdempotencyKeyClaim> {
  const inserted = await client.query(
    `INSERT INTO idempotency_keys (key, operation, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, key) DO NOTHING`,
    [key, operation, requestHash],
  );
  if (inserted.rowCount === 1) return { kind: 'new' };
  const { rows } = await client.query<{ operation: string; request_hash: string; response: unknown }>(
    'SELECT operation, request_hash, response FROM idempotency_keys WHERE key = $1',
    [key],
  );
  const row = rows[0];
  if (row?.operation !== operation || row.request_hash !== requestHash || row.response === null)
    return { kind: 'mismatch' };
  return { kind: 'replay', response: row.response };
}

/** Stores the response a claimed key replays from now on (same transaction as the change). */
export async function completeIdempotencyKey(
  client: ClientBase,
  key: string,
  response: unknown,
): Promise<void> {
  await client.query('UPDATE idempotency_keys SET response = $2 WHERE key = $1', [
    key,
    JSON.stringify(response),
  ]);
}
