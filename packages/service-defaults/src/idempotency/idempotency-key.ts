import { z } from 'zod';

/**
 * The idempotency key every mutating API takes: 8-200 printable ASCII characters without spaces (a UUID, or
 * `checkout:<order>:<step>`). One rule for every service.
 */
export const idempotencyKeySchema = z
  .string({ error: 'is required: 8-200 printable ASCII characters without spaces' })
  .regex(/^[\x21-\x7e]{8,200}$/, 'must be 8-200 printable ASCII characters without spaces');
