import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, toolBin } from '../../tools/paths.mjs';
import { portsOf } from '../support/stack.js';
import { CHROMIUM_FLAGS } from './browser.js';

/**
 * Lighthouse (mobile preset: simulated throttling, 150 ms RTT, 1.6 Mbps) on the home page of the running
 * stack, in Debian's Chromium. Hard budgets: LCP < 2 s, CLS < 0.1, TBT < 200 ms. The CPU slowdown is
 * calibrated to the host (adr/0021): the preset's fixed 4× is measured and reported, then the gated run uses
 * host benchmarkIndex / 1000 (Chrome DevTools' mid-tier mobile reference), so a loaded CI box does not
 * emulate a slower phone than an idle one. The HTML and JSON reports of both runs and a summary are kept
 * in .artifacts/lighthouse/ (git-ignored; CI keeps them as artifacts).
 */

const BUDGETS = { lcpMs: 2_000, cls: 0.1, tbtMs: 200 };
/** Chrome DevTools' CPU calibration: benchmarkIndex of a mid-tier mobile device (Pixel 5 class). */
const MID_TIER_MOBILE_BENCHMARK_INDEX = 1000;
const artifactDir = join(repoRoot, '.artifacts', 'lighthouse');

describe('Lighthouse budgets (mobile, simulated throttling)', () => {
  let chrome: LaunchedChrome;

  beforeAll(async () => {
    chrome = await launch({
      chromePath: toolBin('chromium'),
      chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
      connectionPollInterval: 500,
      maxConnectionRetries: 60,
    });
  }, 60_000);

  afterAll(() => {
    chrome?.kill();
  });

  const audit = async (url: string, cpuSlowdownMultiplier: number, name: string) => {
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
        settings: { throttlingMethod: 'simulate', throttling: { cpuSlowdownMultiplier } },
      },
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr, report } = result;
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

  it('home: LCP < 2 s, CLS < 0.1, TBT < 200 ms', async () => {
    const url = `http://127.0.0.1:${portsOf('web').app}/`;
    const preset = await audit(url, 4, 'home-preset-4x');
    const multiplier = Math.min(4, Math.max(1, preset.benchmarkIndex / MID_TIER_MOBILE_BENCHMARK_INDEX));
    const calibrated = await audit(url, multiplier, 'home');
    const summary = { url, budgets: BUDGETS, preset4x: preset, calibrated };
    writeFileSync(join(artifactDir, 'home.summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`Lighthouse home: ${JSON.stringify(summary)}`);
    expect(calibrated.lcpMs).toBeLessThan(BUDGETS.lcpMs);
    expect(calibrated.cls).toBeLessThan(BUDGETS.cls);
    expect(calibrated.tbtMs).toBeLessThan(BUDGETS.tbtMs);
    // The network part of the preset is not calibrated: LCP and CLS hold at 4× too.
    expect(preset.lcpMs).toBeLessThan(BUDGETS.lcpMs);
    expect(preset.cls).toBeLessThan(BUDGETS.cls);
  }, 240_000);
});
