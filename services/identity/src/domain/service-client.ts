import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { serviceClientIdSchema } from '@shopstream/service-defaults/contracts';

/**
 * A service client (adr/0065): one of Shopstream's own services that gets access tokens with its client
 * credentials. Declared in dapr/service-clients.yaml; identity keeps only the SHA-256 of each secret.
 */
export interface ServiceClient {
  readonly clientId: string;
  /** Roles every token of this client carries. Never `admin`: a service is not a tenant administrator. */
  readonly roles: readonly string[];
  /** Lifetime of its tokens (a caller may ask for less). */
  readonly tokenTtlSeconds: number;
  /** SHA-256 of the secret, 32 bytes. */
  readonly secretSha256: Buffer;
}

/** Service tokens live at most this long (user access tokens: 10 min); default 5 min. */
export const MAX_SERVICE_TOKEN_TTL_SEC = 900;
export const DEFAULT_SERVICE_TOKEN_TTL_SEC = 300;

const clientEntrySchema = z.object({
  clientId: serviceClientIdSchema,
  /** The Dapr app that holds the secret (checked against dapr/apps.yaml by the stack's unit tests). */
  app: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a Dapr app id'),
  roles: z
    .array(
      z
        .string()
        .min(1)
        .max(64)
        .refine((role) => role !== 'admin', 'a service client never gets the tenant admin flag'),
    )
    .min(1, 'name at least one role: a client without roles has nothing to do')
    .max(64),
  tokenTtlSeconds: z
    .number()
    .int()
    .min(1)
    .max(MAX_SERVICE_TOKEN_TTL_SEC)
    .default(DEFAULT_SERVICE_TOKEN_TTL_SEC),
  secretSha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be the lower-case hex SHA-256 of the secret'),
});

/** The declaration file's shape: `version: 1`, `clients: [...]`, client ids unique. */
export const serviceClientsFileSchema = z
  .object({ version: z.literal(1), clients: z.array(clientEntrySchema) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.clients.forEach((client, index) => {
      if (seen.has(client.clientId))
        ctx.addIssue({ code: 'custom', path: ['clients', index, 'clientId'], message: 'is declared twice' });
      seen.add(client.clientId);
    });
  });

export type ServiceClientsFile = z.infer<typeof serviceClientsFileSchema>;

/** The clients of a parsed declaration. */
export function serviceClientsOf(file: ServiceClientsFile): ServiceClient[] {
  return file.clients.map((entry) => ({
    clientId: entry.clientId,
    roles: [...new Set(entry.roles)],
    tokenTtlSeconds: entry.tokenTtlSeconds,
    secretSha256: Buffer.from(entry.secretSha256, 'hex'),
  }));
}

/** Lower-case hex SHA-256 of a client secret: what the declaration stores. */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Whether `secret` is the client's, in constant time over the hashes (so nothing about the stored hash
 * leaks through timing). Secrets are random and long (≥ 32 characters), so one SHA-256 suffices: no
 * password-style stretching, which would also make the grant a CPU lever for callers (adr/0065).
 */
export function clientSecretMatches(client: ServiceClient, secret: string): boolean {
  return timingSafeEqual(client.secretSha256, createHash('sha256').update(secret, 'utf8').digest());
}
