import { parseMediaKey } from '@/features/catalog/media-key';
import { webConfig } from '@/server/config';
import { getMediaObject } from '@/server/media/media-object';
import { tenantFromHost } from '@/server/tenant-from-host';

/**
 * Product images from the S3 API through the app (adr/0022): `/media/<tenant>/…/<name>.png`. The key is
 * checked (no traversal, image types only), it must be the requesting host's tenant's (adr/0025), the
 * object is streamed with its content type fixed by the extension, and browsers and the image optimizer
 * may cache it for a day.
 */

const CACHE_CONTROL = 'public, max-age=86400, stale-while-revalidate=604800';

const problem = (status: number, title: string, detail: string) =>
  Response.json(
    { type: `urn:shopstream:problem:${title}`, title, status, detail },
    {
      status,
      headers: { 'content-type': 'application/problem+json', 'cache-control': 'no-store' },
    },
  );

export async function GET(request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const { key: segments } = await params;
  const parsed = parseMediaKey(segments);
  if (!parsed.ok)
    return parsed.status === 400
      ? problem(400, 'Web.InvalidMediaKey', parsed.detail)
      : problem(404, 'Web.MediaNotFound', parsed.detail);
  // A request without Host is the image optimizer's in-process fetch (the site's server refuses hostless
  // requests at the door, src/server/main.ts); the proxy checked its `url` against the host already.
  const host = request.headers.get('host');
  if (host !== null && tenantFromHost(host, webConfig().WEB_DEFAULT_TENANT) !== parsed.tenant)
    return problem(404, 'Web.MediaNotFound', 'no such image');
  const result = await getMediaObject(parsed.key, request.headers.get('if-none-match'));
  switch (result.kind) {
    case 'missing':
      return problem(404, 'Web.MediaNotFound', 'no such image');
    case 'unavailable':
      return problem(503, 'Web.MediaUnavailable', 'Images are unavailable right now.');
    case 'not-modified':
      return new Response(null, {
        status: 304,
        headers: { 'cache-control': CACHE_CONTROL, ...(result.etag ? { etag: result.etag } : {}) },
      });
    case 'found': {
      const headers = new Headers({
        'content-type': parsed.contentType,
        'cache-control': CACHE_CONTROL,
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline',
      });
      for (const [name, value] of Object.entries(result.headers)) headers.set(name, value);
      return new Response(result.body, { status: 200, headers });
    }
  }
}
