import type { ClientBase } from 'pg';
import type { IdempotencyRepository } from '../app/ports.js';

export function idempotencyRepository(client: ClientBase): IdempotencyRepository {
  return {
    async claim(key, operation, requestHash) {
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
      if (
        row === undefined ||
        row.operation !== operation ||
        row.request_hash !== requestHash ||
        row.response === null
      )
        return { kind: 'mismatch' };
      return { kind: 'replay', response: row.response };
    },
    async complete(key, response) {
      await client.query('UPDATE idempotency_keys SET response = $2 WHERE key = $1', [
        key,
        JSON.stringify(response),
      ]);
    },
  };
}
