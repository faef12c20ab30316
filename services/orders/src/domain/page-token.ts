import { createHash } from 'node:crypto';
import { DomainError, ErrorKind } from '@shopstream/service-defaults';

/** The position after the last order of a page (newest first: created_at, then id). */
export interface PageCursor {
  readonly createdAt: number;
  readonly id: string;
}

/** A short digest of the filters a token was issued for: a token is valid only with the same filters. */
export const filterDigest = (filters: unknown): string =>
  createHash('sha256').update(JSON.stringify(filters)).digest('base64url').slice(0, 12);

export const encodePageToken = (cursor: PageCursor, digest: string): string =>
  Buffer.from(`${cursor.createdAt}:${cursor.id}:${digest}`).toString('base64url');

const invalidToken = (detail: string) =>
  new DomainError(ErrorKind.Validation, 'Orders.InvalidPageToken', 'The page token is invalid.', {
    fields: [{ field: 'page.page_token', detail }],
  });

export function decodePageToken(token: string, digest: string): PageCursor {
  const match = /^(\d{1,15}):([0-9a-f-]{36}):([A-Za-z0-9_-]{12})$/.exec(
    Buffer.from(token, 'base64url').toString(),
  );
  if (match === null) throw invalidToken('is not a token this service issued');
  if (match[3] !== digest) throw invalidToken('was issued for other filters');
  return { createdAt: Number(match[1]), id: match[2] ?? '' };
}
