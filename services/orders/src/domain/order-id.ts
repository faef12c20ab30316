import { createHash } from 'node:crypto';

/**
 * The id of the order a checkout key makes: a UUID derived from (tenant, user, idempotency key), so every
 * retry of one checkout — concurrent, after a crash, after the key's record expired — names the same order
 * and the same workflow (`checkout:<id>`), and can never make a second one.
 */
export function orderIdFor(tenantId: string, userId: string, idempotencyKey: string): string {
  const hex = createHash('sha256')
    .update(`order\u0000${tenantId}\u0000${userId}\u0000${idempotencyKey}`)
    .digest('hex');
  // RFC 9562 layout: version 8 (custom), variant 10.
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
