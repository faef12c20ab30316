import { summarize, writeResult } from '../stats.js';
import { catalogBenchFixture, closedLoop, createProducts } from './catalog-fixture.js';

const CONCURRENCY = 16;

/**
 * GetProduct and ListProducts (first page) under concurrent load: 16 callers in a closed loop, anonymous
 * storefront reads through skeleton-caller's sidecar, with the Redis read cache (default) and without it
 * (`cache-control: no-cache`: Postgres on every call), interleaved in rounds so both see the same noise.
 */
export async function benchReads(products = 200, perRound = 500, rounds = 4): Promise<void> {
  const fixture = await catalogBenchFixture();
  try {
    const made = await createProducts(fixture, products);
    const ids = made.map((m) => m.productId);
    const get = (noCache: boolean) => (i: number) =>
      fixture.api.getProduct(
        { productId: ids[(i * 7919) % ids.length]! },
        { tenant: fixture.tenant, noCache },
      );
    const categories = ['', 'test', 'test/things'];
    const list = (noCache: boolean) => (i: number) =>
      fixture.api.listProducts(
        {
          page: { pageSize: 24, pageToken: '' },
          filter: {
            category: categories[i % 3]!,
            region: 'eu',
            minPriceMinor: '0',
            maxPriceMinor: '0',
            status: 0,
          },
        },
        { tenant: fixture.tenant, noCache },
      );
    await closedLoop(CONCURRENCY, 300, get(false)); // warm-up (also fills the cache)
    await closedLoop(CONCURRENCY, 60, list(false));
    const samples = {
      getCached: [] as number[],
      getDb: [] as number[],
      listCached: [] as number[],
      listDb: [] as number[],
    };
    const rates = { getCached: 0, getDb: 0, listCached: 0, listDb: 0 };
    for (let round = 0; round < rounds; round++) {
      for (const [key, fn] of [
        ['getCached', get(false)],
        ['getDb', get(true)],
        ['listCached', list(false)],
        ['listDb', list(true)],
      ] as const) {
        const { latencies, perSecond } = await closedLoop(CONCURRENCY, perRound, fn);
        samples[key].push(...latencies);
        rates[key] += perSecond / rounds;
      }
    }
    writeResult({
      name: 'catalog-get-product-16-concurrent',
      unit: 'ms',
      target: null,
      ...summarize(samples.getCached),
      baseline: { name: 'without-read-cache', ...summarize(samples.getDb) },
      notes: `${CONCURRENCY} callers, closed loop, ${products} products; ${rates.getCached.toFixed(0)}/s with the Redis cache vs ${rates.getDb.toFixed(0)}/s from Postgres`,
      extra: { perSecond: Math.round(rates.getCached), baselinePerSecond: Math.round(rates.getDb) },
    });
    writeResult({
      name: 'catalog-list-products-first-page-16-concurrent',
      unit: 'ms',
      target: null,
      ...summarize(samples.listCached),
      baseline: { name: 'without-read-cache', ...summarize(samples.listDb) },
      notes: `${CONCURRENCY} callers, first page (24) filtered by region eu and 3 category filters; ${rates.listCached.toFixed(0)}/s cached vs ${rates.listDb.toFixed(0)}/s from Postgres`,
      extra: { perSecond: Math.round(rates.listCached), baselinePerSecond: Math.round(rates.listDb) },
    });
  } finally {
    fixture.close();
  }
}
