import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@shopstream/service-defaults';
import { encodePageToken, parseListQuery, type ListProductsInput } from './list-query.js';

function input(
  overrides: Partial<ListProductsInput['filter']> = {},
  page = { pageSize: 0, pageToken: '' },
  sort = 'unspecified',
): ListProductsInput {
  return {
    page,
    filter: {
      category: '',
      region: '',
      minPriceMinor: '0',
      maxPriceMinor: '0',
      status: 'unspecified',
      ...overrides,
    },
    sort,
  };
}

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? [error.code, error.fields.map((f) => f.field)] : error;
  }
  return undefined;
};

describe('parseListQuery', () => {
  it('defaults to 24 newest active products for shoppers and caps the page size at 100', () => {
    const query = parseListQuery(input({ status: 'draft' }), { catalogAdmin: false });
    expect(query).toMatchObject({ pageSize: 24, sort: 'newest', after: undefined });
    expect(query.filter.statuses).toEqual(['active']);
    expect(
      parseListQuery(input({}, { pageSize: 500, pageToken: '' }), { catalogAdmin: false }).pageSize,
    ).toBe(100);
  });

  it('gives admins drafts and active products, or the one status they ask for', () => {
    expect(parseListQuery(input(), { catalogAdmin: true }).filter.statuses).toEqual(['draft', 'active']);
    expect(parseListQuery(input({ status: 'archived' }), { catalogAdmin: true }).filter.statuses).toEqual([
      'archived',
    ]);
  });

  it('needs a region for a price range or price order, and min ≤ max', () => {
    expect(codeOf(() => parseListQuery(input({ minPriceMinor: '100' }), { catalogAdmin: false }))).toEqual([
      'Catalog.InvalidListRequest',
      ['filter.region'],
    ]);
    expect(codeOf(() => parseListQuery(input({}, undefined, 'price_asc'), { catalogAdmin: false }))).toEqual([
      'Catalog.InvalidListRequest',
      ['filter.region'],
    ]);
    expect(
      codeOf(() =>
        parseListQuery(input({ region: 'eu', minPriceMinor: '500', maxPriceMinor: '100' }), {
          catalogAdmin: false,
        }),
      ),
    ).toEqual(['Catalog.InvalidListRequest', ['filter.maxPriceMinor']]);
    expect(
      codeOf(() => parseListQuery(input({ region: 'eu', minPriceMinor: '-5' }), { catalogAdmin: false })),
    ).toEqual(['Catalog.InvalidListRequest', ['filter.minPriceMinor']]);
  });

  it('refuses a page token issued for another filter, and garbage tokens', () => {
    const first = parseListQuery(input({ category: 'home' }), { catalogAdmin: false });
    const token = encodePageToken(
      { sort: 'newest', createdAt: 1, id: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e' },
      first.fingerprint,
    );
    expect(
      parseListQuery(input({ category: 'home' }, { pageSize: 0, pageToken: token }), { catalogAdmin: false })
        .after,
    ).toEqual({
      sort: 'newest',
      createdAt: 1,
      id: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e',
    });
    for (const [filter, pageToken] of [
      [{ category: 'garden' }, token],
      [{ category: 'home' }, 'not-a-token'],
      [{ category: 'home' }, Buffer.from('{"f":1}').toString('base64url')],
    ] as const) {
      expect(
        codeOf(() => parseListQuery(input(filter, { pageSize: 0, pageToken }), { catalogAdmin: false })),
      ).toEqual(['Catalog.InvalidPageToken', ['page.pageToken']]);
    }
    // A shopper cannot reuse an admin's token (other statuses → other fingerprint).
    const admin = parseListQuery(input(), { catalogAdmin: true });
    const adminToken = encodePageToken(
      { sort: 'newest', createdAt: 1, id: '0190f0a4-9a7e-7c3a-8d55-5b0f4a1c2d3e' },
      admin.fingerprint,
    );
    expect(
      codeOf(() =>
        parseListQuery(input({}, { pageSize: 0, pageToken: adminToken }), { catalogAdmin: false }),
      ),
    ).toEqual(['Catalog.InvalidPageToken', ['page.pageToken']]);
  });

  it('round-trips every cursor through its token (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('newest', 'title', 'price_asc', 'price_desc'),
        fc.uuid(),
        fc.string({ maxLength: 200 }),
        fc.nat({ max: 1_000_000_000_000 }),
        (sort, id, title, n) => {
          const query = parseListQuery(input({ region: 'eu' }, undefined, sort), { catalogAdmin: false });
          const cursor =
            sort === 'newest'
              ? ({ sort, createdAt: n, id } as const)
              : sort === 'title'
                ? ({ sort, title, id } as const)
                : ({ sort, price: n, id } as const);
          const token = encodePageToken(cursor, query.fingerprint);
          const again = parseListQuery(input({ region: 'eu' }, { pageSize: 0, pageToken: token }, sort), {
            catalogAdmin: false,
          });
          expect(again.after).toEqual(cursor);
        },
      ),
      { numRuns: 300 },
    );
  });
});
