import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { randomBytes, randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productImage } from '@shopstream/catalog/seed';
import { devCredentials, mediaBucket } from '../../tools/stack/layout.js';
import { repoRoot, toolBin } from '../../tools/paths.mjs';
import type { Product } from '@shopstream/proto/catalog/v1/product.js';
import { catalogApi, productInput, withRetries } from '@shopstream/testing/catalog';
import { createTestTenant, identityDatabasePool, signedInUser } from '@shopstream/testing/identity';
import { cartApi } from '@shopstream/testing/orders';
import { portsOf, ports } from '@shopstream/testing/stack';
import { CHROMIUM_FLAGS, launchChromium, untilStackHealthy } from './browser.js';

/**
 * Lighthouse (mobile preset: simulated throttling, 150 ms RTT, 1.6 Mbps) on the home page, the catalog
 * listing, the cart page (an anonymous cart of two products) and a product page (a fresh tenant with a page of products with images) of the running
 * stack, in Debian's Chromium. Hard budgets on the median of 5 calibrated runs: LCP < 2 s (home and the
 * catalog, as issue 5 asks, and the cart, as issue 13 asks; the product page's is reported), CLS < 0.1, TBT < 200 ms. The CPU slowdown is
 * calibrated to the host (adr/0021): the preset's fixed 4× is measured and reported, then the gated run uses
 * host benchmarkIndex / 1000 (Chrome DevTools' mid-tier mobile reference), so a loaded CI box does not
 * emulate a slower phone than an idle one. The HTML and JSON reports of both runs and a summary are kept
 * in .artifacts/lighthouse/ (git-ignored; CI keeps them as artifacts).
 */

const BUDGETS = { lcpMs: 2_000, cls: 0.1, tbtMs: 200 };
/** Chrome DevTools' CPU calibration: benchmarkIndex of a mid-tier mobile device (Pixel 5 class). */
const MID_TIER_MOBILE_BENCHMARK_INDEX = 1000;
const artifactDir = join(repoRoot, '.artifacts', 'lighthouse');

const PRODUCTS = 12;
/** Calibrated runs per page; the budgets apply to their median. */
const CALIBRATED_RUNS = 5;

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

describe('Lighthouse budgets (mobile, simulated throttling)', () => {
  let chrome: LaunchedChrome;
  /** `http://<tenant>.localhost:<port>` of a tenant with a page of products, each with an image. */
  let shopOrigin = '';
  let productId = '';
  /** `Cookie` header naming an anonymous cart with two lines (the cart page's runs). */
  let cartCookie = '';

  beforeAll(async () => {
    await untilStackHealthy(); // whatever an earlier file stopped is running again
    const pool = identityDatabasePool('lighthouse-test');
    const api = catalogApi();
    const carts = cartApi();
    const lines: Product[] = [];
    try {
      const tenantId = await createTestTenant(pool, 'lh');
      shopOrigin = `http://${tenantId}.localhost:${portsOf('web').app}`;
      const { accessToken } = await signedInUser(pool, tenantId, { admin: true });
      const s3 = new S3Client({
        endpoint: `http://127.0.0.1:${ports.s3}`,
        forcePathStyle: true,
        region: devCredentials.awsRegion,
        credentials: { accessKeyId: devCredentials.s3AccessKey, secretAccessKey: devCredentials.s3SecretKey },
      });
      for (let i = 0; i < PRODUCTS; i++) {
        const key = `${tenantId}/products/lh-${i}/1.png`;
        await s3.send(
          new PutObjectCommand({
            Bucket: mediaBucket,
            Key: key,
            Body: productImage(i * 30, i),
            ContentType: 'image/png',
          }),
        );
        const created = await withRetries(() =>
          api.createProduct(
            {
              idempotencyKey: `lh-${randomUUID()}`,
              ownerRegion: 'eu',
              product: productInput({
                title: `Lighthouse product ${i} ${randomBytes(2).toString('hex')}`,
                media: [
                  {
                    bucket: mediaBucket,
                    key,
                    contentType: 'image/png',
                    altText: `Product ${i}`,
                    width: 320,
                    height: 320,
                  },
                ],
              }),
            },
            { token: accessToken },
          ),
        );
        productId = created.product?.productId ?? productId;
        if (i < 2 && created.product) lines.push(created.product);
      }
      s3.destroy();
      // An anonymous cart with two of those products, as the web keeps it: the token in the cart cookie.
      let cartToken = '';
      for (const product of lines) {
        const added = await withRetries(() =>
          carts.addItem(
            {
              idempotencyKey: `lh-${randomUUID()}`,
              cartToken,
              productId: product.productId,
              skuId: product.skus[0]?.skuId ?? '',
              region: 'eu',
              quantity: 1,
            },
            { tenant: tenantId },
          ),
        );
        cartToken = added.cartToken || cartToken;
      }
      cartCookie = `__Host-shopstream-cart=${cartToken}`;
    } finally {
      api.close();
      carts.close();
      await pool.end();
    }
    chrome = await launch({
      chromePath: toolBin('chromium'),
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
      connectionPollInterval: 500,
      maxConnectionRetries: 60,
    });
  }, 180_000);

  afterAll(() => {
    chrome?.kill();
  });

  /**
   * Lighthouse's own trace-recording failures ("Something went wrong with recording the trace … Please run
   * Lighthouse again": NO_NAVSTART, NO_FCP) say nothing about the page; such a run is repeated, at most twice,
   * and announced. Any other runtime error fails the test.
   */
  const RERUN_CODES = new Set(['NO_NAVSTART', 'NO_FCP']);
  const audit = async (
    url: string,
    cpuSlowdownMultiplier: number,
    name: string,
    attempt = 1,
    extraHeaders?: Record<string, string>,
  ) => {
    const result = await lighthouse(
      url,
      {
        port: chrome.port,
        output: ['html', 'json'],
        onlyCategories: ['performance'],
        logLevel: 'error',
        maxWaitForLoad: 45_000,
      },
      {
        extends: 'lighthouse:default',
        settings: {
          throttlingMethod: 'simulate',
          throttling: { cpuSlowdownMultiplier },
          ...(extraHeaders ? { extraHeaders } : {}),
        },
      },
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr, report } = result;
    const code = lhr.runtimeError?.code;
    if (code !== undefined && RERUN_CODES.has(code) && attempt < 3) {
      console.log(
        `Lighthouse ${name}: ${code} (trace not recorded), running it again (attempt ${attempt + 1})`,
      );
      return audit(url, cpuSlowdownMultiplier, name, attempt + 1, extraHeaders);
    }
    mkdirSync(artifactDir, { recursive: true });
    const [html = '', json = ''] = Array.isArray(report) ? report : [report, ''];
    writeFileSync(join(artifactDir, `${name}.report.html`), html);
    writeFileSync(join(artifactDir, `${name}.report.json`), json);
    expect(lhr.runtimeError).toBeUndefined();
    const requests =
      (
        lhr.audits['network-requests']?.details as {
          items?: { resourceType?: string; transferSize?: number }[];
        }
      )?.items ?? [];
    return {
      cpuSlowdownMultiplier: Number(cpuSlowdownMultiplier.toFixed(2)),
      benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
      lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? Infinity),
      cls: Number((lhr.audits['cumulative-layout-shift']?.numericValue ?? Infinity).toFixed(3)),
      tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? Infinity),
      performanceScore: lhr.categories.performance?.score,
      scriptTransferBytes: requests
        .filter((r) => r.resourceType === 'Script')
        .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    };
  };

  /** `cookie`: sent with every request of the runs (the cart page's anonymous cart). */
  const gate = async (name: string, url: string, options: { gateLcp: boolean; cookie?: string }) => {
    const headers = options.cookie ? { cookie: options.cookie } : undefined;
    // A first load outside the measurement (a phone's viewport, so the same image widths) fills the image
    // optimizer's cache, as any earlier visitor would have.
    const warm = await launchChromium();
    try {
      const page = await warm.browser.newPage({
        viewport: { width: 412, height: 823 },
        deviceScaleFactor: 1.75,
      });
      if (headers) await page.setExtraHTTPHeaders(headers);
      await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 });
    } finally {
      await warm.close();
    }
    const preset = await audit(url, 4, `${name}-preset-4x`, 1, headers);
    const multiplier = Math.min(4, Math.max(1, preset.benchmarkIndex / MID_TIER_MOBILE_BENCHMARK_INDEX));
    // One run decides nothing on a 2-core box: whether Chromium paints before or after the framework
    // chunks arrive over loopback moves Lantern's LCP by ~0.5 s. Budgets hold for the median of the runs,
    // as Lighthouse's own guidance on variability recommends.
    const runs: Awaited<ReturnType<typeof audit>>[] = [];
    for (let i = 1; i <= CALIBRATED_RUNS; i++)
      runs.push(await audit(url, multiplier, `${name}-run-${i}`, 1, headers));
    const calibrated = {
      cpuSlowdownMultiplier: runs[0]?.cpuSlowdownMultiplier,
      lcpMs: median(runs.map((r) => r.lcpMs)),
      cls: median(runs.map((r) => r.cls)),
      tbtMs: median(runs.map((r) => r.tbtMs)),
      scriptTransferBytes: median(runs.map((r) => r.scriptTransferBytes)),
    };
    const summary = { url, budgets: BUDGETS, preset4x: preset, calibrated, runs };
    writeFileSync(join(artifactDir, `${name}.summary.json`), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Lighthouse ${name}: ${JSON.stringify(summary)}`);
    if (options.gateLcp) expect(calibrated.lcpMs).toBeLessThan(BUDGETS.lcpMs);
    expect(calibrated.cls).toBeLessThan(BUDGETS.cls);
    expect(calibrated.tbtMs).toBeLessThan(BUDGETS.tbtMs);
    // The fixed 4× preset measures the host as much as the page on a shared box (adr/0021): CLS must hold
    // there too; its LCP and TBT are in the summary.
    expect(preset.cls).toBeLessThan(BUDGETS.cls);
  };

  it('home: LCP < 2 s, CLS < 0.1, TBT < 200 ms', async () => {
    await gate('home', `http://127.0.0.1:${portsOf('web').app}/`, { gateLcp: true });
  }, 360_000);

  it('catalog listing with products and images: LCP < 2 s, CLS < 0.1, TBT < 200 ms', async () => {
    await gate('catalog', `${shopOrigin}/products`, { gateLcp: true });
  }, 360_000);

  it('cart page with two items: LCP < 2 s, CLS < 0.1, TBT < 200 ms', async () => {
    await gate('cart', `${shopOrigin}/cart`, { gateLcp: true, cookie: cartCookie });
  }, 360_000);

  // The product page's LCP is reported, not gated: its runs straddle the budget (median 1.3–2.1 s over this
  // session's runs, 5 of 12 single runs above 2 s; adr/0024). Issue 5 gates home and the catalog.
  it('product page: CLS < 0.1, TBT < 200 ms, LCP reported', async () => {
    await gate('product', `${shopOrigin}/products/${productId}`, { gateLcp: false });
  }, 360_000);
});
