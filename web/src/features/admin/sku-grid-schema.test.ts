import { describe, expect, it } from 'vitest';
import {
  currencyOfRegion,
  isPriceFieldName,
  isStockFieldName,
  priceFieldName,
  priceChangesOfForm,
  stockFieldName,
  stockOfForm,
} from './sku-grid-schema';

const TEE_S = '11111111-1111-4111-8111-111111111111';
const TEE_M = '22222222-2222-4222-8222-222222222222';

/** Two SKUs: S priced in eu and us, M only in eu. */
const skus = [
  {
    skuId: TEE_S,
    prices: [
      { region: 'eu', price: { currencyCode: 'EUR', amountMinor: '2500' } },
      { region: 'us', price: { currencyCode: 'USD', amountMinor: '2900' } },
      { region: 'eu-west', price: { currencyCode: 'EUR', amountMinor: '2600' } },
    ],
  },
  { skuId: TEE_M, prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '2700' } }] },
];

describe('price fields of every SKU per region', () => {
  it('names fields by SKU id and region', () => {
    expect(priceFieldName(TEE_S, 'eu')).toBe(`price-${TEE_S}-eu`);
    expect(isPriceFieldName(priceFieldName(TEE_S, 'uk'))).toBe(true);
    expect(isStockFieldName(stockFieldName(TEE_M, 'us'))).toBe(true);
    expect(isPriceFieldName('price')).toBe(false);
    expect(isStockFieldName(`price-${TEE_S}-eu`)).toBe(false);
  });

  const loaded = {
    [priceFieldName(TEE_S, 'eu')]: '25.00',
    [priceFieldName(TEE_S, 'us')]: '29.00',
    [priceFieldName(TEE_S, 'uk')]: '',
    [priceFieldName(TEE_M, 'eu')]: '27.00',
    [priceFieldName(TEE_M, 'us')]: '',
  };
  const currencies = { eu: 'EUR', us: 'USD', uk: 'GBP' };

  it('sends only the cells that changed, in the region’s currency, including a newly priced region', () => {
    const result = priceChangesOfForm(
      {
        [priceFieldName(TEE_S, 'eu')]: '19.99',
        [priceFieldName(TEE_S, 'us')]: '29', // the same amount as loaded: not sent
        [priceFieldName(TEE_S, 'uk')]: '', // still unpriced
        [priceFieldName(TEE_M, 'eu')]: ' 27 ',
        [priceFieldName(TEE_M, 'us')]: '33',
      },
      loaded,
      currencies,
    );
    if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
    expect(result.changes).toEqual([
      { skuId: TEE_S, prices: [{ region: 'eu', price: { currencyCode: 'EUR', amountMinor: '1999' } }] },
      { skuId: TEE_M, prices: [{ region: 'us', price: { currencyCode: 'USD', amountMinor: '3300' } }] },
    ]);
  });

  it('refuses an emptied price, a malformed one and too many decimals, by field', () => {
    const result = priceChangesOfForm(
      {
        [priceFieldName(TEE_S, 'eu')]: '',
        [priceFieldName(TEE_S, 'us')]: '12,50',
        [priceFieldName(TEE_M, 'eu')]: '1.999',
        [priceFieldName(TEE_M, 'uk')]: '-3',
      },
      loaded,
      currencies,
    );
    if (result.ok) throw new Error('expected the prices to be refused');
    expect(result.fieldErrors).toEqual({
      [priceFieldName(TEE_S, 'eu')]: 'Enter a price like 24.90 (digits, optional decimals).',
      [priceFieldName(TEE_S, 'us')]: 'Enter a price like 24.90 (digits, optional decimals).',
      [priceFieldName(TEE_M, 'eu')]: 'Enter a price in EUR with at most 2 decimals.',
      [priceFieldName(TEE_M, 'uk')]: 'Enter a price like 24.90 (digits, optional decimals).',
    });
  });

  it('takes a region’s currency from the product, else from the shop’s regions', () => {
    expect(currencyOfRegion(skus, 'us')).toBe('USD');
    expect(currencyOfRegion(skus, 'uk')).toBe('GBP');
    expect(
      currencyOfRegion(
        [{ skuId: TEE_M, prices: [{ region: 'uk', price: { currencyCode: 'EUR', amountMinor: '1' } }] }],
        'uk',
      ),
    ).toBe('EUR');
  });
});

describe('stock fields of every SKU per region', () => {
  const loaded = { [stockFieldName(TEE_S, 'eu')]: '10', [stockFieldName(TEE_S, 'us')]: '5' };

  it('sends only the values that differ from what the page showed', () => {
    const result = stockOfForm(
      skus,
      [
        [stockFieldName(TEE_S, 'eu'), '10'],
        [stockFieldName(TEE_S, 'us'), ' 7 '],
        [stockFieldName(TEE_M, 'eu'), '1000000'],
      ],
      loaded,
    );
    expect(result).toEqual({
      ok: true,
      changes: [
        { skuId: TEE_S, region: 'us', available: 7, field: stockFieldName(TEE_S, 'us') },
        { skuId: TEE_M, region: 'eu', available: 1_000_000, field: stockFieldName(TEE_M, 'eu') },
      ],
    });
  });

  it('refuses negative, decimal, huge and non-numeric values by field, and writes none of the good ones', () => {
    const message = 'Enter a whole number of units from 0 to 1,000,000.';
    const result = stockOfForm(
      skus,
      [
        [stockFieldName(TEE_S, 'eu'), '-1'],
        [stockFieldName(TEE_S, 'us'), '2.5'],
        [stockFieldName(TEE_M, 'eu'), '99999999999'],
        [stockFieldName(TEE_S, 'eu-west'), ''],
      ],
      loaded,
    );
    if (result.ok) throw new Error('expected the stock to be refused');
    expect(result.fieldErrors).toEqual({
      [stockFieldName(TEE_S, 'eu')]: message,
      [stockFieldName(TEE_S, 'us')]: message,
      [stockFieldName(TEE_M, 'eu')]: message,
    });
    // eu-west is not one of the shop's regions
    expect(result.formError).toContain('Unknown region “eu-west”');
    for (const bad of ['1e3', '0x10', '1000001', ' ', 'ten'])
      expect(stockOfForm(skus, [[stockFieldName(TEE_M, 'eu'), bad]], {}).ok).toBe(false);
  });

  it('refuses an unknown region, a region the SKU is not sold in and an unknown SKU', () => {
    const formErrorOf = (name: string) => {
      const result = stockOfForm(skus, [[name, '3']], {});
      return result.ok ? undefined : result.formError;
    };
    expect(formErrorOf(stockFieldName(TEE_S, 'mars'))).toContain('Unknown region “mars”');
    expect(formErrorOf(stockFieldName(TEE_M, 'us'))).toContain('not sold in us');
    expect(formErrorOf(stockFieldName('33333333-3333-4333-8333-333333333333', 'eu'))).toContain(
      'no longer exists',
    );
  });
});
