import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { toolBin } from '../../tools/paths.mjs';
import { summarize, writeResult } from '../stats.js';
import type { WebBenchFixture } from './web-fixture.js';

const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
];

/**
 * Lighthouse medians (mobile preset, simulated throttling, CPU multiplier calibrated as in adr/0021) for
 * home, listing and product page: `runs` runs per route, interleaved, after one warm-up load each.
 */
export async function benchLighthouse(fixture: WebBenchFixture, runs = 3): Promise<void> {
  const routes = [
    { name: 'home', url: `${fixture.origin}/` },
    { name: 'catalog', url: `${fixture.origin}/products?category=${encodeURIComponent(fixture.category)}` },
    { name: 'product', url: `${fixture.origin}/products/${fixture.productIds[0]}` },
  ];
  const chrome = await launch({
    chromePath: toolBin('chromium'),
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    connectionPollInterval: 500,
    maxConnectionRetries: 60,
  });
  const samples = new Map(
    routes.map((r) => [r.name, { lcp: [] as number[], cls: [] as number[], tbt: [] as number[] }]),
  );
  const audit = async (url: string, cpuSlowdownMultiplier: number) => {
    const result = await lighthouse(
      url,
      { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', maxWaitForLoad: 45_000 },
      {
        extends: 'lighthouse:default',
        settings: { throttlingMethod: 'simulate', throttling: { cpuSlowdownMultiplier } },
      },
    );
    if (!result || result.lhr.runtimeError) return undefined;
    return result.lhr;
  };
  try {
    for (const route of routes) await audit(route.url, 1); // warm-up (image optimizer cache, JIT)
    for (let run = 0; run < runs; run++) {
      for (const route of routes) {
        const probe = await audit(route.url, 4);
        const multiplier = Math.min(4, Math.max(1, (probe?.environment.benchmarkIndex ?? 1000) / 1000));
        const lhr = await audit(route.url, multiplier);
        if (!lhr) continue;
        const s = samples.get(route.name)!;
        s.lcp.push(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN);
        s.cls.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN);
        s.tbt.push(lhr.audits['total-blocking-time']?.numericValue ?? NaN);
      }
    }
  } finally {
    chrome.kill();
  }
  for (const route of routes) {
    const s = samples.get(route.name)!;
    const notes = `Lighthouse mobile preset, calibrated CPU multiplier (adr/0021), ${route.url.replace(fixture.origin, '')}`;
    writeResult({
      name: `web-lighthouse-${route.name}-lcp`,
      unit: 'ms',
      target: 2000,
      ...summarize(s.lcp),
      notes,
    });
    writeResult({
      name: `web-lighthouse-${route.name}-cls`,
      unit: 'score',
      target: 0.1,
      ...summarize(s.cls),
      notes,
    });
    writeResult({
      name: `web-lighthouse-${route.name}-tbt`,
      unit: 'ms',
      target: 200,
      ...summarize(s.tbt),
      notes,
    });
  }
}
