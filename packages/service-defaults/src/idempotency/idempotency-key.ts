import { z } from 'zod';

/**
 * The idempotency key every mutating API takes: 8-200 printable ASCII characters without spaces (a UUID, or
 * `checkout:<order>:<step>`). One rule for every service.
 */
export const idempotencyKeySchema = z
  .string({ error: 'is required: 8-200 printable ASCII characters' })
  .min(8, 'must be 8-200 characters')
  .max(200, 'must be 8-200 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces');
