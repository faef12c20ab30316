import { chromium } from 'playwright-core';
import { toolBin } from '../../tools/paths.mjs';
import { summarize, writeResult } from '../stats.js';
import type { WebBenchFixture } from './web-fixture.js';

/** The goal for critical JavaScript: "well under 200 KB" compressed. */
const TARGET_BYTES = 200_000;

/**
 * Total JavaScript a route ships, compressed as sent (the encoded body size of every script response of a
 * cold page load in Chromium, phone viewport, fresh context each time so nothing comes from the cache).
 */
export async function benchJsPerRoute(fixture: WebBenchFixture, loads = 3): Promise<void> {
  const routes = [
    { name: 'web-js-home', path: '/' },
    { name: 'web-js-catalog', path: `/products?category=${encodeURIComponent(fixture.category)}` },
    { name: 'web-js-product', path: `/products/${fixture.productIds[0]}` },
  ];
  // Debian's Chromium with test/web/browser.ts's flags (that module needs the DOM types; bench/ has none).
  const browser = await chromium.launch({
    executablePath: toolBin('chromium'),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  try {
    for (const route of routes) {
      const totals: number[] = [];
      let files = 0;
      for (let i = 0; i < loads; i++) {
        const context = await browser.newContext({
          baseURL: fixture.origin,
          viewport: { width: 412, height: 823 },
          deviceScaleFactor: 1.75,
        });
        const page = await context.newPage();
        const scripts: Promise<number>[] = [];
        page.on('requestfinished', (request) => {
          if (request.resourceType() === 'script')
            scripts.push(request.sizes().then((s) => s.responseBodySize));
        });
        await page.goto(route.path, { waitUntil: 'networkidle', timeout: 60_000 });
        const sizes = await Promise.all(scripts);
        files = sizes.length;
        totals.push(sizes.reduce((a, b) => a + b, 0));
        await context.close();
      }
      writeResult({
        name: route.name,
        unit: 'bytes',
        target: TARGET_BYTES,
        ...summarize(totals),
        notes: `${route.path.split('?')[0]}: compressed script bytes of a cold load (${files} files), Chromium, phone viewport`,
      });
    }
  } finally {
    await browser.close();
  }
}
