import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { ports } from './ports.js';
import { devCredentials as cred, kvTable, mediaBucket } from './layout.js';

/**
 * The `kvstore` Dapr component (idempotency keys, feature flags) is a DynamoDB table: partition key `key`
 * (Dapr's schema) and TTL attribute `expiresAt`. Real DynamoDB keeps expired items for up to ~48 h and moto
 * never purges them, so Dapr's component checks expiry on read (see adr/0004).
 */
export async function createKvTable(): Promise<void> {
  const ddb = new DynamoDBClient({
    endpoint: `http://127.0.0.1:${ports.moto}`,
    region: cred.awsRegion,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    await ddb.send(new DescribeTableCommand({ TableName: kvTable }));
    return;
  } catch (err) {
    if (!(err instanceof ResourceNotFoundException)) throw err;
  }
  await ddb.send(
    new CreateTableCommand({
      TableName: kvTable,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'key', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'key', KeyType: 'HASH' }],
    }),
  );
  await ddb.send(
    new UpdateTimeToLiveCommand({
      TableName: kvTable,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }),
  );
  ddb.destroy();
}

/** A client of the stack's S3 API (versitygw) with its development credentials; `destroy()` it when done. */
export const stackS3Client = (): S3Client =>
  new S3Client({
    endpoint: `http://127.0.0.1:${ports.s3}`,
    forcePathStyle: true,
    region: cred.awsRegion,
    credentials: { accessKeyId: cred.s3AccessKey, secretAccessKey: cred.s3SecretKey },
  });

/** The product-image bucket, created once when versitygw is first ready (the seed, tests and apps expect it). */
export async function createMediaBucket(): Promise<void> {
  const s3 = stackS3Client();
  try {
    await s3
      .send(new HeadBucketCommand({ Bucket: mediaBucket }))
      .catch(() => s3.send(new CreateBucketCommand({ Bucket: mediaBucket })));
  } finally {
    s3.destroy();
  }
}
