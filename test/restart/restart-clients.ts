import { S3Client } from '@aws-sdk/client-s3';
import { Client, Connection } from '@temporalio/client';
import { devCredentials as cred } from '../../tools/stack/layout.js';
import { ports } from '../../tools/stack/ports.js';
import { sidecar } from '@shopstream/testing/stack';

/** The S3 API (versitygw) as the apps reach it. */
export const s3Client = () =>
  new S3Client({
    endpoint: `http://127.0.0.1:${ports.s3}`,
    forcePathStyle: true,
    region: cred.awsRegion,
    credentials: { accessKeyId: cred.s3AccessKey, secretAccessKey: cred.s3SecretKey },
  });

/** A Temporal client on the stack's dev server (close its connection when done). */
export async function temporalClient(): Promise<{ client: Client; close: () => Promise<void> }> {
  const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
  return { client: new Client({ connection }), close: () => connection.close() };
}

/** An actor method through the sidecar of the app that hosts the actor type. */
export async function actorCall<T>(host: string, type: string, id: string, method: string, body?: unknown) {
  const res = await sidecar(host, `/v1.0/actors/${type}/${encodeURIComponent(id)}/method/${method}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${type}.${method} → ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
