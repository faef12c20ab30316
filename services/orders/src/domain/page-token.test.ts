import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, filterDigest } from './page-token.js';

describe('order page tokens', () => {
  const cursor = { createdAt: 1_765_000_000_000, id: '0b0e9a8c-1f1e-4a57-9c36-2b9f2e6d6f10' };

  it('round-trips a cursor for the same filters', () => {
    const digest = filterDigest(['u1', ['CONFIRMED'], undefined, undefined]);
    expect(decodePageToken(encodePageToken(cursor, digest), digest)).toEqual(cursor);
  });

  it('refuses a token of other filters and a forged one, naming the field', () => {
    const token = encodePageToken(cursor, filterDigest(['u1', []]));
    expect(() => decodePageToken(token, filterDigest(['u1', ['FAILED']]))).toThrow(
      expect.objectContaining({
        code: 'Orders.InvalidPageToken',
        fields: [{ field: 'page.page_token', detail: 'was issued for other filters' }],
      }),
    );
    expect(() => decodePageToken('forged', filterDigest([]))).toThrow(
      expect.objectContaining({ code: 'Orders.InvalidPageToken' }),
    );
  });
});
