import type { ClientBase } from 'pg';
import { claimIdempotencyKey, completeIdempotencyKey } from '@shopstream/service-defaults/postgres';
import type { IdempotencyRepository } from '../app/ports.js';

export function idempotencyRepository(client: ClientBase): IdempotencyRepository {
  return {
    claim: (key, operation, requestHash) => claimIdempotencyKey(client, key, operation, requestHash),
    complete: (key, response) => completeIdempotencyKey(client, key, response),
  };
}
