import { z } from 'zod';
import { baseConfigSchema } from '@shopstream/service-defaults';

/**
 * Environment of the `catalog` Dapr app (app protocol grpc). The supervisor provides every key: the base
 * keys, DATABASE_URL (role owning database `catalog`, from `database: catalog` in dapr/apps.yaml), REDIS_URL
 * and CATALOG_READ_CACHE (dapr/apps.yaml `env`).
 */
export const catalogConfigSchema = baseConfigSchema.extend({
  DATABASE_URL: z.url({ error: 'must be a postgres:// URL of the catalog database' }),
  REDIS_URL: z.url({ error: 'must be a redis:// URL' }),
  /** `redis`: GetProduct/ListProducts through the Redis read cache (adr/0017); `off`: Postgres only. */
  CATALOG_READ_CACHE: z.enum(['redis', 'off'], { error: 'must be "redis" or "off"' }),
});

export type CatalogAppConfig = z.infer<typeof catalogConfigSchema>;
