import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { productImage } from '@shopstream/catalog/seed';
import { devCredentials, mediaBucket } from '../../tools/stack/layout.js';
import { catalogApi, idempotencyKey, productInput } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { portsOf, ports } from '@shopstream/testing/stack';

export interface WebBenchFixture {
  readonly tenant: string;
  /** `http://<tenant>.localhost:<web port>` (Chromium resolves it to loopback). */
  readonly origin: string;
  readonly category: string;
  readonly productIds: readonly string[];
}

/** A fresh tenant with `count` ACTIVE products in one category, each with a PNG in the media bucket. */
export async function webBenchFixture(count = 24): Promise<WebBenchFixture> {
  const identity = identityDatabasePool('bench-web');
  const tenant = await createTestTenant(identity, 'bench-web');
  const { accessToken } = await signedInUser(identity, tenant, { admin: true });
  await identity.end();
  const api = catalogApi();
  const s3 = new S3Client({
    endpoint: `http://127.0.0.1:${ports.s3}`,
    forcePathStyle: true,
    region: devCredentials.awsRegion,
    credentials: { accessKeyId: devCredentials.s3AccessKey, secretAccessKey: devCredentials.s3SecretKey },
  });
  const category = `bench-${randomBytes(3).toString('hex')}/things`;
  const productIds: string[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const key = `${tenant}/products/bench-${i}/1.png`;
      await s3.send(
        new PutObjectCommand({
          Bucket: mediaBucket,
          Key: key,
          Body: productImage((i * 37) % 360, i),
          ContentType: 'image/png',
        }),
      );
      const { product } = await api.createProduct(
        {
          idempotencyKey: idempotencyKey(),
          ownerRegion: 'eu',
          product: productInput({
            title: `Bench product ${i}`,
            category,
            media: [
              {
                bucket: mediaBucket,
                key,
                contentType: 'image/png',
                altText: `Bench product ${i}`,
                width: 320,
                height: 320,
              },
            ],
          }),
        },
        { token: accessToken },
      );
      productIds.push(product!.productId);
    }
  } finally {
    s3.destroy();
    api.close();
  }
  return { tenant, origin: `http://${tenant}.localhost:${portsOf('web').app}`, category, productIds };
}

/** GET `path` from the web app on loopback with the tenant's Host; resolves with the status once the body is read. */
export function getPage(tenant: string, path: string): Promise<number> {
  const port = portsOf('web').app;
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host: `${tenant}.localhost:${port}`, accept: 'text/html' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}
