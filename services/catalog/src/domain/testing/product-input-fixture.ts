/** A valid ProductInput-shaped object (as the edge hands it to the domain) for tests and benches. */
export function productInputFixture(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Linen shirt',
    description: 'Breathable linen, relaxed fit.',
    category: 'apparel/shirts',
    brand: 'Northwind',
    attributes: { material: 'linen', care: 'machine wash 30' },
    media: [],
    status: 'active',
    skus: [
      {
        skuId: '',
        code: 'SHIRT-M',
        options: { size: 'M' },
        prices: [
          { region: 'eu', price: { currencyCode: 'EUR', amountMinor: '4900' } },
          { region: 'us', price: { currencyCode: 'USD', amountMinor: '5500' } },
        ],
        initialStock: [{ region: 'eu', quantity: '20' }],
      },
    ],
    ...overrides,
  };
}
