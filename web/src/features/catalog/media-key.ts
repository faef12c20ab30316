import { isTenantId } from '@shopstream/service-defaults/contracts/tenant-id';

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
  | { readonly ok: true; readonly key: string; readonly tenant: string; readonly contentType: string }
  | { readonly ok: false; readonly status: 400 | 404; readonly detail: string };

/**
 * Checks the decoded path segments of `/media/…`: no `.`/`..` or empty segments, no separators or
 * control characters inside a segment, a tenant id first, and a known image extension. Whose tenant may
 * read it is the route's and the proxy's business (adr/0025).
 */
export function parseMediaKey(segments: readonly string[]): MediaKeyResult {
  if (segments.length < 2 || segments.length > MAX_SEGMENTS)
    return { ok: false, status: 400, detail: 'not a media key' };
  for (const segment of segments) {
    if (segment === '.' || segment === '..' || !SEGMENT.test(segment))
      return { ok: false, status: 400, detail: 'not a media key' };
  }
  const name = segments.at(-1) ?? '';
  const extension = name.includes('.') ? (name.split('.').at(-1) ?? '').toLowerCase() : '';
  const contentType = MEDIA_CONTENT_TYPES[extension];
  if (!isTenantId(segments[0] ?? '')) return { ok: false, status: 400, detail: 'not a media key' };
  if (contentType === undefined) return { ok: false, status: 404, detail: 'no such image' };
  return { ok: true, key: segments.join('/'), tenant: segments[0] ?? '', contentType };
}

/** The app path of an object key (keys are checked again by the route). */
export function mediaPath(key: string): string {
  return `/media/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The tenant segment of an image optimizer source (`/_next/image?url=/media/<tenant>/…`); undefined when
 * the source is a plain path outside `/media/` (static files in `public/`, which every tenant shares).
 * A source that URL parsing would rewrite (`.`/`..` segments, encoded dots, backslashes, another origin)
 * could land in any tenant's folder once the optimizer fetches it: it gets `''`, a tenant nobody has.
 */
export function mediaSourceTenant(source: string): string | undefined {
  const path = source.split(/[?#]/, 1)[0] ?? '';
  let normalized: string;
  try {
    normalized = new URL(path, 'http://source.invalid').pathname;
  } catch {
    return '';
  }
  if (normalized !== path || /%2e|%2f|%5c/i.test(path)) return '';
  if (!path.startsWith('/media/')) return undefined;
  const first = path.slice('/media/'.length).split('/')[0] ?? '';
  try {
    return decodeURIComponent(first);
  } catch {
    return '';
  }
}
