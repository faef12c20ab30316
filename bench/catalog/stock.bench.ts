import { StockOperation } from '@shopstream/proto/catalog/v1/catalog_service.js';
import { idempotencyKey } from '@shopstream/testing/catalog';
import { summarize, writeResult } from '../stats.js';
import { catalogBenchFixture, closedLoop, createProducts } from './catalog-fixture.js';

const CONCURRENCY = 16;

/**
 * UpdateStock (RESERVE 1 unit) throughput with 16 callers in a closed loop: all on ONE hot SKU (every call
 * queues on the same row lock, then the product row lock for the change sequence) vs spread over 200 SKUs of
 * 200 products. Each call is one transaction: reservation row, guarded stock update, sequence, outbox row.
 */
export async function benchUpdateStock(total = 1500): Promise<void> {
  const fixture = await catalogBenchFixture();
  try {
    const skus = await createProducts(fixture, 200, 100_000);
    const reserve = (skuId: string) =>
      fixture.api.updateStock(
        {
          idempotencyKey: idempotencyKey(),
          operation: StockOperation.STOCK_OPERATION_RESERVE,
          skuId,
          region: 'eu',
          quantity: '1',
        },
        { token: fixture.adminToken },
      );
    await closedLoop(CONCURRENCY, 200, (i) => reserve(skus[i % skus.length]!.skuId)); // warm-up
    const hot = await closedLoop(CONCURRENCY, total, () => reserve(skus[0]!.skuId));
    const spread = await closedLoop(CONCURRENCY, total, (i) => reserve(skus[(i * 31) % skus.length]!.skuId));
    writeResult({
      name: 'catalog-update-stock-hot-sku',
      unit: 'ms',
      target: null,
      ...summarize(hot.latencies),
      baseline: { name: 'spread-over-200-skus', ...summarize(spread.latencies) },
      notes: `${CONCURRENCY} callers reserving 1 unit, ${total} calls each: ${hot.perSecond.toFixed(0)}/s on one SKU vs ${spread.perSecond.toFixed(0)}/s over 200 SKUs`,
    });
    const rate = (perSecond: number) => Math.round(perSecond * 10) / 10;
    writeResult({
      name: 'catalog-update-stock-throughput',
      unit: 'reservations/s',
      target: null,
      n: total,
      p50: rate(hot.perSecond),
      p95: rate(hot.perSecond),
      p99: rate(hot.perSecond),
      baseline: {
        name: 'spread-over-200-skus',
        n: total,
        p50: rate(spread.perSecond),
        p95: rate(spread.perSecond),
        p99: rate(spread.perSecond),
      },
      notes:
        'achieved rate of one hot SKU (p50 = p95 = p99 = the rate); baseline: the same load over 200 SKUs',
    });
  } finally {
    fixture.close();
  }
}
