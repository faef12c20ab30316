/**
 * `npm run seed`: the demo catalog in the RUNNING local stack (`npm start`): tenant `demo` (registered in
 * identity too, so people can sign up there), 1,200 products with variants, prices in three regions, stock,
 * and a generated PNG per product in the S3 API (bucket `catalog-media`). Idempotent: products are created
 * through the catalog's own use case with idempotency keys `seed-v2-<n>`, so a second run replays instead of
 * duplicating; images already stored are not uploaded again. Image keys are unguessable (adr/0068), keyed by a
 * secret of the data folder (`<data>/seed/media-secret`). Options: --tenant <id> --products <n>.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';
import { z } from 'zod';
import { createLogger } from '@shopstream/service-defaults';
import { tenantIdSchema } from '@shopstream/service-defaults/contracts';
import { createPgPool } from '@shopstream/service-defaults/postgres';
import {
  createCatalogStore,
  createProduct,
  createRedisReadCache,
  migrateCatalogDatabase,
  randomId,
  systemClock,
  type CatalogDeps,
} from '@shopstream/catalog';
import { demoProduct, IMAGE_SIZE, productImage, progressBar } from '@shopstream/catalog/seed';
import { createIdentityStore } from '@shopstream/identity';
import { dataDir, devCredentials, mediaBucket } from '../stack/layout.js';
import { ports } from '../stack/ports.js';
import { appDatabaseUrl } from '../stack/provision-postgres.js';
import { seedMediaKey, seedMediaSecret } from './media-keys.js';

/** The stack creates it (versitygw's afterReady); the seed makes sure it exists when run against older data. */
export const MEDIA_BUCKET = mediaBucket;
// v2: image keys became unguessable (adr/0068); a folder seeded with v1 gets the v2 products beside them.
const SEED_VERSION = 'v2';
const CONCURRENCY = 4;

const options = z
  .object({
    tenant: tenantIdSchema,
    products: z.coerce.number().int().min(1).max(100_000),
  })
  .parse(
    parseArgs({
      options: { tenant: { type: 'string', default: 'demo' }, products: { type: 'string', default: '1200' } },
    }).values,
  );

const logger = createLogger({ service: 'seed', level: 'warn' });
const catalogPool = createPgPool({
  connectionString: appDatabaseUrl('catalog'),
  applicationName: 'seed',
  logger,
  max: CONCURRENCY + 1,
});
const identityPool = createPgPool({
  connectionString: appDatabaseUrl('identity'),
  applicationName: 'seed',
  logger,
  max: 1,
});
const redis = new Redis({ host: '127.0.0.1', port: ports.redis, maxRetriesPerRequest: 1, lazyConnect: true });
const s3 = new S3Client({
  endpoint: `http://127.0.0.1:${ports.s3}`,
  forcePathStyle: true,
  region: devCredentials.awsRegion,
  credentials: { accessKeyId: devCredentials.s3AccessKey, secretAccessKey: devCredentials.s3SecretKey },
});

async function main(): Promise<void> {
  try {
    await catalogPool.query('SELECT 1');
    await redis.connect();
  } catch {
    throw new Error(
      'the local stack is not running (or not migrated yet): start it with `npm start`, then seed',
    );
  }
  await migrateCatalogDatabase(catalogPool, logger);
  const tenantId = options.tenant;
  await createIdentityStore(identityPool).inTenant(tenantId, (tx) =>
    tx.tenants.create('Shopstream demo shop'),
  );
  await s3
    .send(new HeadBucketCommand({ Bucket: MEDIA_BUCKET }))
    .catch(() => s3.send(new CreateBucketCommand({ Bucket: MEDIA_BUCKET })));

  const deps: CatalogDeps = {
    store: createCatalogStore(catalogPool),
    cache: createRedisReadCache(redis, logger),
    clock: systemClock,
    newId: randomId,
    eventSource: 'catalog',
    logger,
  };
  const actor = { userId: 'seed', tenantId, roles: [], admin: true };
  const mediaSecret = seedMediaSecret(join(dataDir('seed'), 'media-secret'));
  const started = Date.now();
  const counts = { created: 0, existing: 0, skus: 0, uploaded: 0 };
  const bar = progressBar(`seeding ${tenantId}`, options.products, process.stderr);

  const seedOne = async (index: number) => {
    const demo = demoProduct(index);
    const key = seedMediaKey(mediaSecret, tenantId, index);
    const stored = await s3.send(new HeadObjectCommand({ Bucket: MEDIA_BUCKET, Key: key })).then(
      () => true,
      () => false,
    );
    if (!stored) {
      const body = productImage(demo.imageHue, index);
      await s3.send(
        new PutObjectCommand({ Bucket: MEDIA_BUCKET, Key: key, Body: body, ContentType: 'image/png' }),
      );
      counts.uploaded++;
    }
    const media = [
      {
        bucket: MEDIA_BUCKET,
        key,
        contentType: 'image/png',
        altText: String(demo.product.title),
        width: IMAGE_SIZE,
        height: IMAGE_SIZE,
      },
    ];
    const product = await createProduct(deps, actor, {
      idempotencyKey: `seed-${SEED_VERSION}-${index}`,
      ownerRegion: demo.ownerRegion,
      product: { ...demo.product, media },
    });
    if (product.createdAt >= started) counts.created++;
    else counts.existing++;
    counts.skus += product.skus.length;
    bar.tick();
  };

  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < options.products) await seedOne(next++);
    }),
  );
  bar.done(
    `${options.products} products (${counts.created} new, ${counts.existing} already there), ${counts.skus} SKUs, ` +
      `${counts.uploaded} images uploaded to s3://${MEDIA_BUCKET}/${tenantId}/`,
  );
}

await main()
  .catch((error: unknown) => {
    console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    redis.disconnect();
    s3.destroy();
    await Promise.all([catalogPool.end(), identityPool.end()]);
  });
