import { DomainError, ErrorKind } from '@shopstream/service-defaults';

/** The position after the last payment of a page (newest first: created_at, then id). */
export interface PageCursor {
  readonly createdAt: number;
  readonly id: string;
}

export const encodePageToken = (cursor: PageCursor): string =>
  Buffer.from(`${cursor.createdAt}:${cursor.id}`).toString('base64url');

const invalidToken = () =>
  new DomainError(ErrorKind.Validation, 'Payments.InvalidPageToken', 'The page token is invalid.', {
    fields: [{ field: 'page.page_token', detail: 'is not a token this service issued' }],
  });

export function decodePageToken(token: string): PageCursor {
  const match = /^(\d{1,15}):([0-9a-f-]{36})$/.exec(Buffer.from(token, 'base64url').toString());
  if (match === null) throw invalidToken();
  return { createdAt: Number(match[1]), id: match[2] ?? '' };
}
