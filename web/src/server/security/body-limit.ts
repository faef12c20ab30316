/**
 * The web server is the public edge: a request body is sized from its headers before Next reads a byte
 * (adr/0067). Server actions and route handlers take form posts and small JSON, far below this; Next's own
 * server-action limit (1 MB, `serverActions.bodySizeLimit`) would answer 500 instead of 413.
 */
export const MAX_BODY_BYTES = 1024 * 1024;

const BODYLESS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface BodyRefusal {
  readonly status: 411 | 413;
  readonly problem: {
    readonly type: string;
    readonly title: string;
    readonly status: number;
    readonly detail: string;
    readonly code: string;
  };
}

const refusal = (status: 411 | 413, code: string, title: string, detail: string): BodyRefusal => ({
  status,
  problem: { type: `urn:shopstream:problem:${code}`, title, status, detail, code },
});

/**
 * Why a request's body is refused, or undefined. Over the limit by `Content-Length` → 413; a body without
 * a length (chunked) → 411, since its size could only be learned by reading it — browsers always send the
 * length of a form post or a fetch body.
 */
export function bodyRefusal(
  method: string | undefined,
  headers: { readonly 'content-length'?: string; readonly 'transfer-encoding'?: string },
  limit = MAX_BODY_BYTES,
): BodyRefusal | undefined {
  const length = headers['content-length'];
  if (length !== undefined) {
    const bytes = /^\d+$/.test(length) ? Number(length) : Number.NaN;
    if (Number.isNaN(bytes) || bytes > limit)
      return refusal(
        413,
        'Request.BodyTooLarge',
        'Payload too large',
        `Request bodies are limited to ${limit} bytes.`,
      );
    return undefined;
  }
  if (headers['transfer-encoding'] !== undefined && !BODYLESS.has((method ?? 'GET').toUpperCase()))
    return refusal(411, 'Request.LengthRequired', 'Length required', 'Send the body with a Content-Length.');
  return undefined;
}
