import 'server-only';
import { createHash, createHmac } from 'node:crypto';
import { webConfig } from '../config';

/**
 * One signed GET of an object in the S3 API (AWS Signature Version 4, path-style addressing, as
 * versitygw and MinIO expect). The web app needs nothing else from S3, so it signs the one request itself
 * instead of bundling the AWS SDK into the server build.
 */

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

const sha256Hex = (text: string) => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string) => createHmac('sha256', key).update(text).digest();

/** RFC 3986 encoding of one path segment, as SigV4's canonical URI wants it. */
const encodeSegment = (segment: string) =>
  encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export interface SignedRequest {
  readonly url: string;
  readonly headers: Record<string, string>;
}

export interface S3Credentials {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The URL and headers of `GET /<bucket>/<key>`, signed at `now`. */
export function signGetObject(
  credentials: S3Credentials,
  bucket: string,
  key: string,
  now: Date,
): SignedRequest {
  const endpoint = new URL(credentials.endpoint);
  const path = `${endpoint.pathname.replace(/\/$/, '')}/${[bucket, ...key.split('/')].map(encodeSegment).join('/')}`;
  const amzDate = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${credentials.region}/s3/aws4_request`;
  const signedHeaders = 'host;x-amz-content-sha256;x-amz-date';
  const canonicalRequest = [
    'GET',
    path,
    '',
    `host:${endpoint.host}`,
    `x-amz-content-sha256:${EMPTY_SHA256}`,
    `x-amz-date:${amzDate}`,
    '',
    signedHeaders,
    EMPTY_SHA256,
  ].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const signingKey = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), credentials.region), 's3'),
    'aws4_request',
  );
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return {
    url: `${endpoint.origin}${path}`,
    headers: {
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': amzDate,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    },
  };
}

export type S3GetResult =
  | { readonly kind: 'found'; readonly response: Response }
  | { readonly kind: 'not-modified'; readonly etag: string | null }
  | { readonly kind: 'missing' }
  | { readonly kind: 'unavailable' };

/** GETs `key` from the media bucket; `ifNoneMatch` is passed on (S3 answers 304 when it still matches). */
export async function getMediaObject(key: string, ifNoneMatch: string | null): Promise<S3GetResult> {
  const config = webConfig();
  const signed = signGetObject(
    {
      endpoint: config.S3_ENDPOINT,
      region: config.S3_REGION,
      accessKeyId: config.S3_ACCESS_KEY_ID,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    },
    config.WEB_MEDIA_BUCKET,
    key,
    new Date(),
  );
  const headers: Record<string, string> = { ...signed.headers };
  if (ifNoneMatch !== null && ifNoneMatch.length <= 200) headers['if-none-match'] = ifNoneMatch;
  let response: Response;
  try {
    response = await fetch(signed.url, { headers, signal: AbortSignal.timeout(5_000), cache: 'no-store' });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 200) return { kind: 'found', response };
  await response.body?.cancel();
  if (response.status === 304) return { kind: 'not-modified', etag: response.headers.get('etag') };
  if (response.status === 404) return { kind: 'missing' };
  return { kind: 'unavailable' };
}
