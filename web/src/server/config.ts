import { tenantIdSchema } from '@shopstream/service-defaults/contracts/tenant-id';
import { z } from 'zod';

/**
 * The web app's configuration, parsed once (the supervisor passes the same variables as to every Dapr app:
 * tools/stack/apps.ts). No silent defaults except the documented tenant fallback.
 */
const port = z.coerce.number().int().min(1).max(65_535);

const webConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1).default('web'),
  APP_PORT: port,
  HEALTH_PORT: port,
  DAPR_HTTP_PORT: port,
  DAPR_GRPC_PORT: port,
  DAPR_API_TOKEN: z.string().min(1),
  /** Tenant used when the host name does not name one (e.g. 127.0.0.1 or localhost). */
  WEB_DEFAULT_TENANT: tenantIdSchema.default('demo'),
  /** Origins accepted on state-changing requests besides the request's own host. */
  WEB_EXTRA_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').filter(Boolean)),
  /** The S3 API holding product images (versitygw locally; the stack passes these to every app). */
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1),
  S3_SECRET_ACCESS_KEY: z.string().min(1),
  /** Bucket of the catalog's media (`MediaRef.bucket` of the seed and the admin pages). */
  WEB_MEDIA_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .default('catalog-media'),
});

export type WebConfig = z.infer<typeof webConfigSchema>;

let cached: WebConfig | undefined;

export class WebConfigError extends Error {}

export function webConfig(env: NodeJS.ProcessEnv = process.env): WebConfig {
  if (cached) return cached;
  const parsed = webConfigSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new WebConfigError(`invalid web configuration:\n  ${lines.join('\n  ')}`);
  }
  cached = parsed.data;
  return cached;
}
