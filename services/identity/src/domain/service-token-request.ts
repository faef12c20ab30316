import { z } from 'zod';
import { parseInput } from '@shopstream/service-defaults';
import { tenantIdSchema } from '@shopstream/service-defaults/auth';
import { serviceClientIdSchema } from '@shopstream/service-defaults/contracts';
import { MAX_SERVICE_TOKEN_TTL_SEC } from './service-client.js';

/** Secrets are at least this long (service-defaults' MIN_SERVICE_CLIENT_SECRET_LENGTH) and at most 512. */
const MIN_SECRET = 32;
const MAX_SECRET = 512;

export const serviceTokenRequestSchema = z.object({
  clientId: serviceClientIdSchema,
  clientSecret: z.string().min(MIN_SECRET, `must be at least ${MIN_SECRET} characters`).max(MAX_SECRET),
  tenantId: tenantIdSchema,
  /** 0 = the client's lifetime. */
  ttlSeconds: z.number().int().min(0).max(MAX_SERVICE_TOKEN_TTL_SEC),
});

export type ServiceTokenRequest = z.infer<typeof serviceTokenRequestSchema>;

/**
 * The grant's input, or `Request.Invalid` naming the fields (`client_secret` is named, never echoed: zod's
 * messages carry no values).
 */
export function parseServiceTokenRequest(input: unknown): ServiceTokenRequest {
  return parseInput(serviceTokenRequestSchema, input, 'Request.Invalid');
}
