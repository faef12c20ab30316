import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { ports } from './ports.js';
import { devCredentials as cred, kvTable } from './layout.js';

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
