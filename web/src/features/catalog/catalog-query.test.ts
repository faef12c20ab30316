import { describe, expect, it } from 'vitest';
import { listingHref, MAX_TRAIL, parseListingQuery } from './catalog-query';
import { formatMoney } from './catalog-regions';
import { mediaPath, mediaSourceTenant, parseMediaKey } from './media-key';

describe('catalog listing query', () => {
  it('turns valid filters into the catalog request, prices in the region currency minor units', () => {
    const q = parseListingQuery({ category: ' Home/Kitchen ', region: 'us', min: '19.9', max: '250' });
    expect(q.errors).toEqual({});
    expect(q.filters).toEqual({
      category: 'home/kitchen',
      region: 'us',
      minPriceMinor: 1990,
      maxPriceMinor: 25000,
    });
  });

  it('defaults to the first region and no bounds, and takes the first of repeated values', () => {
    const q = parseListingQuery({ category: ['a', 'b'] });
    expect(q.filters).toEqual({ category: 'a', region: 'eu', minPriceMinor: 0, maxPriceMinor: 0 });
  });

  it('gives a field message for each invalid value, and echoes at most 200 characters', () => {
    const q = parseListingQuery({
      category: `<script>${'x'.repeat(5000)}`,
      region: 'mars',
      min: '1.999',
      max: '-3',
    });
    expect(Object.keys(q.errors).sort()).toEqual(['category', 'max', 'min', 'region']);
    expect(q.input.category).toHaveLength(200);
    expect(parseListingQuery({ min: '30', max: '20' }).errors).toEqual({
      max: 'The highest price must be at least the lowest price.',
    });
  });

  it('drops a malformed cursor, and keeps the last cursors for "Previous"', () => {
    expect(parseListingQuery({ page: '<b>', prev: ['a'] })).toMatchObject({
      pageToken: '',
      trail: [],
      badPageToken: true,
    });
    const trail = Array.from({ length: 20 }, (_, i) => `t${i}`);
    const q = parseListingQuery({ page: 'abc_-=', prev: ['', ...trail] });
    expect(q.pageToken).toBe('abc_-=');
    expect(q.trail).toEqual(trail.slice(-MAX_TRAIL));
  });

  it('builds listing links: the first page has no cursor, later pages carry their trail', () => {
    const input = { category: 'home', region: 'eu', min: '', max: '5' };
    expect(listingHref(input, '', ['x'])).toBe('/products?category=home&region=eu&max=5');
    expect(listingHref(input, 'n2', ['', 'n1'])).toBe(
      '/products?category=home&region=eu&max=5&page=n2&prev=&prev=n1',
    );
  });

  it('formats money in the currency minor unit', () => {
    expect(formatMoney({ currencyCode: 'EUR', amountMinor: '2590' })).toBe('€25.90');
    expect(formatMoney({ currencyCode: 'JPY', amountMinor: '1200' })).toBe('¥1,200');
  });
});

describe('media keys', () => {
  it('accepts image keys under a tenant', () => {
    expect(parseMediaKey(['demo', 'products', 'seed-1', '1.png'])).toEqual({
      ok: true,
      key: 'demo/products/seed-1/1.png',
      tenant: 'demo',
      contentType: 'image/png',
    });
    expect(mediaPath('demo/products/a b/1.png')).toBe('/media/demo/products/a%20b/1.png');
  });

  it('refuses traversal and odd segments, and does not serve non-images', () => {
    for (const segments of [
      ['demo', '..', 'x.png'],
      ['demo', '.', 'x.png'],
      ['demo', '../x.png'],
      ['demo', 'a/b.png'],
      ['demo', '.hidden.png'],
      ['demo', ''],
      ['demo', 'a\u0000.png'],
      ['x.png'],
      ['Not_A_Tenant', 'x.png'],
    ])
      expect(parseMediaKey(segments)).toMatchObject({ ok: false, status: 400 });
    expect(parseMediaKey(['demo', 'x.svg'])).toMatchObject({ ok: false, status: 404 });
    expect(parseMediaKey(['demo', 'x.html'])).toMatchObject({ ok: false, status: 404 });
  });

  it('names the tenant of an optimizer source, and nothing for files every tenant shares', () => {
    expect(mediaSourceTenant('/media/acme/products/p/1.png')).toBe('acme');
    expect(mediaSourceTenant('/media/%61cme/products/p/1.png')).toBe('acme');
    expect(mediaSourceTenant('/media/%E0%A4%A/x.png')).toBe('');
    expect(mediaSourceTenant('/icon.svg')).toBeUndefined();
    // Anything the optimizer's URL parsing would move elsewhere belongs to nobody.
    for (const source of [
      '/media/acme/../other/products/x.png',
      '/media/acme/%2e%2e/other/x.png',
      '/icons/../media/other/x.png',
      '/./media/other/x.png',
      '/media/acme\\..\\other/x.png',
      '/media/acme%2F..%2Fother/x.png',
      '//elsewhere.example/media/acme/x.png',
      'https://elsewhere.example/media/acme/x.png',
      '',
    ])
      expect(mediaSourceTenant(source), source).toBe('');
  });
});
