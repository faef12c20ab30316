import { catalogApi } from '@shopstream/testing/catalog';
import { closedLoop } from '../catalog/catalog-fixture.js';
import { summarize, writeResult } from '../stats.js';
import { getPage, type WebBenchFixture } from './web-fixture.js';

const CONCURRENCY = 16;

/**
 * The catalog listing page's server response time (full HTML, loopback) under 16 concurrent clients in a
 * closed loop, against a same-run baseline: the same ListProducts call straight through the web app's
 * sidecar (what the page costs beyond its one catalog call is rendering). Interleaved rounds, bounded n.
 */
export async function benchCatalogPageLoad(
  fixture: WebBenchFixture,
  perRound = 160,
  rounds = 3,
): Promise<void> {
  const path = `/products?category=${encodeURIComponent(fixture.category)}`;
  const api = catalogApi('web');
  const page = async () => {
    const status = await getPage(fixture.tenant, path);
    if (status !== 200) throw new Error(`GET ${path} answered ${status}`);
  };
  const list = () =>
    api.listProducts(
      {
        page: { pageSize: 12, pageToken: '' },
        filter: {
          category: fixture.category,
          region: 'eu',
          minPriceMinor: '0',
          maxPriceMinor: '0',
          status: 0,
        },
        sort: 1,
      },
      { tenant: fixture.tenant },
    );
  try {
    await closedLoop(CONCURRENCY, 48, page); // warm-up: JIT, the catalog's list cache
    await closedLoop(CONCURRENCY, 48, list);
    const samples = { page: [] as number[], list: [] as number[] };
    const rates = { page: 0, list: 0 };
    for (let round = 0; round < rounds; round++) {
      const p = await closedLoop(CONCURRENCY, perRound, page);
      samples.page.push(...p.latencies);
      rates.page += p.perSecond / rounds;
      const l = await closedLoop(CONCURRENCY, perRound, list);
      samples.list.push(...l.latencies);
      rates.list += l.perSecond / rounds;
    }
    writeResult({
      name: 'web-catalog-page-16-concurrent',
      unit: 'ms',
      target: null,
      ...summarize(samples.page),
      baseline: { name: 'catalog-list-products-via-web-sidecar', ...summarize(samples.list) },
      notes:
        `GET /products (first page of 12, one category, region eu) on loopback, 16 clients, closed loop: ` +
        `${rates.page.toFixed(1)} pages/s vs ${rates.list.toFixed(1)} ListProducts/s through the web app's sidecar`,
    });
  } finally {
    api.close();
  }
}
