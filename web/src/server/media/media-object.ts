import 'server-only';
import type * as S3Sdk from '@aws-sdk/client-s3';
import { webConfig } from '../config';

/**
 * Reads product images from the S3 API (versitygw here, any S3 in a cluster) with the AWS SDK, the same
 * client the seed and the tests use. It loads at run time (Node), not through the bundler.
 */

export type S3GetResult =
  | { readonly kind: 'found'; readonly body: ReadableStream; readonly headers: Record<string, string> }
  | { readonly kind: 'not-modified'; readonly etag: string | null }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unavailable' };

let client: Promise<{ s3: S3Sdk.S3Client; sdk: typeof S3Sdk }> | undefined;

function s3Client() {
  client ??= (async () => {
    const sdk = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ '@aws-sdk/client-s3');
    const config = webConfig();
    const s3 = new sdk.S3Client({
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: true,
      region: config.S3_REGION,
      credentials: { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
      maxAttempts: 2,
    });
    return { s3, sdk };
  })();
  return client;
}

/** GETs `key` from the media bucket; `ifNoneMatch` is passed on (S3 answers 304 when it still matches). */
export async function getMediaObject(key: string, ifNoneMatch: string | null): Promise<S3GetResult> {
  const { s3, sdk } = await s3Client();
  try {
    const object = await s3.send(
      new sdk.GetObjectCommand({
        Bucket: webConfig().WEB_MEDIA_BUCKET,
        Key: key,
        ...(ifNoneMatch !== null && ifNoneMatch.length <= 200 ? { IfNoneMatch: ifNoneMatch } : {}),
      }),
      { abortSignal: AbortSignal.timeout(5_000) },
    );
    if (!object.Body) return { kind: 'missing' };
    const headers: Record<string, string> = {};
    if (object.ETag) headers.etag = object.ETag;
    if (object.LastModified) headers['last-modified'] = object.LastModified.toUTCString();
    if (object.ContentLength !== undefined) headers['content-length'] = String(object.ContentLength);
    return { kind: 'found', body: object.Body.transformToWebStream(), headers };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 304) return { kind: 'not-modified', etag: ifNoneMatch };
    if (error instanceof sdk.NoSuchKey || status === 404) return { kind: 'missing' };
    return { kind: 'unavailable' };
  }
}
