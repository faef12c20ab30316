/**
 * Product images are served by this app at `/media/<object key>` (adr/0022). Object keys are the catalog's
 * `MediaRef.key`: `<tenant>/…/<name>.<ext>`, path segments of letters, digits, `.`, `_` and `-`.
 */

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 8;

/** Image types the route answers with; anything else is not served (no HTML or SVG from the bucket). */
export const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

export type MediaKeyResult =
  | { readonly ok: true; readonly key: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly detail: string };

/**
 * Checks the decoded path segments of `/media/…`: no `.`/`..` or empty segments, no separators or
 * control characters inside a segment, a known image extension, and the request's own tenant first
 * (another tenant's objects are "not found", as in the catalog).
 */
export function parseMediaKey(segments: readonly string[], tenantId: string): MediaKeyResult {
  if (segments.length < 2 || segments.length > MAX_SEGMENTS)
    return { ok: false, status: 400, detail: 'not a media key' };
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !SEGMENT.test(segment))
      return { ok: false, status: 400, detail: 'not a media key' };
  }
  const name = segments.at(-1) ?? '';
  const extension = name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
  const contentType = MEDIA_CONTENT_TYPES[extension];
  if (contentType === undefined) return { ok: false, status: 404, detail: 'no such image' };
  if (segments[0] !== tenantId) return { ok: false, status: 404, detail: 'no such image' };
  return { ok: true, key: segments.join('/'), contentType };
}

/** The app path of an object key (keys are checked again by the route). */
export function mediaPath(key: string): string {
  return `/media/${key.split('/').map(encodeURIComponent).join('/')}`;
}
