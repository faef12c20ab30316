import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { toolBin } from '../../tools/paths.mjs';
import { stackControl } from '../../tools/stack/control.js';

/** Flags for Debian's Chromium on a closed network (../shared/INFRA.md "Browsers"). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Debian's Chromium (installed by the bootstrap), headless; Playwright gives it a fresh temporary profile. */
export async function launchChromium(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: toolBin('chromium'),
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/**
 * Console errors, uncaught page errors and CSP violations seen by every page of a context. A test that makes
 * a page answer with an error status on purpose (a 403 or 404 page) names that exact resource with
 * `expectFailedLoad`; `takeUnexpected()` — run after every test (`afterEach`) — returns everything else
 * since the previous check and forgets both the problems and the expectations, so nothing a test excused
 * carries over to the next one.
 */
export class BrowserProblems {
  /** Every console error of the run, for the record (`takeUnexpected` is what the checks use). */
  readonly consoleErrors: string[] = [];
  private pending: { readonly text: string; readonly source: string }[] = [];
  private expected: { readonly url: string; readonly status: number }[] = [];

  async watch(context: BrowserContext): Promise<void> {
    await context.exposeFunction('__reportCspViolation', (v: string) => {
      this.pending.push({ text: `CSP violation: ${v}`, source: '' });
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __reportCspViolation?: (v: string) => void })
          .__reportCspViolation;
        report?.(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} on ${location.pathname}`);
      });
    });
    context.on('page', (page) => this.watchPage(page));
  }

  /**
   * Until the next `takeUnexpected()`, excuses the console's "Failed to load resource: … status of
   * <status>" for the resource at exactly `url` (absolute, query included) — nothing else.
   */
  expectFailedLoad(url: string, status: number): void {
    this.expected.push({ url, status });
  }

  /** The problems since the last call that no `expectFailedLoad` excused; clears problems and expectations. */
  takeUnexpected(): string[] {
    const unexpected = this.pending
      .filter(
        ({ text, source }) =>
          !this.expected.some(
            (e) =>
              source === e.url &&
              text.startsWith('Failed to load resource:') &&
              text.includes(`the server responded with a status of ${e.status}`),
          ),
      )
      .map(({ text, source }) => (source ? `${text} (${source})` : text));
    this.pending = [];
    this.expected = [];
    return unexpected;
  }

  /** Records one console error; `source` is the URL it is about (the failed resource for load errors). */
  recordConsoleError(text: string, source: string): void {
    this.consoleErrors.push(`${text} (${source})`);
    this.pending.push({ text, source });
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      // For "Failed to load resource" the location is the resource that failed, not the page.
      if (message.type() === 'error')
        this.recordConsoleError(message.text(), message.location().url || page.url());
    });
    page.on('pageerror', (error) =>
      this.pending.push({ text: `page error: ${error.message}`, source: page.url() }),
    );
  }
}

export interface ContextOptions {
  /** `http://<tenant>.localhost:<port>`: page.goto takes paths. */
  readonly origin: string;
  readonly colorScheme?: 'light' | 'dark';
  /** Timeout of each action (click, fill, waitFor); navigations get 30 s. */
  readonly stepMs?: number;
}

/** A fresh browser context (its own cookies) on `origin`, its pages watched by `problems`. */
export async function openContext(
  chromium: TestBrowser,
  problems: BrowserProblems,
  { origin, colorScheme = 'light', stepMs = 15_000 }: ContextOptions,
): Promise<BrowserContext> {
  const context = await chromium.browser.newContext({ colorScheme, baseURL: origin });
  context.setDefaultTimeout(stepMs);
  context.setDefaultNavigationTimeout(30_000);
  await problems.watch(context);
  return context;
}

/**
 * Waits until every process of the running stack is healthy. Each browser-test file calls it first, so no file
 * depends on what an earlier one left behind (an app it stopped and started again may still be starting).
 */
export async function untilStackHealthy(timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let unhealthy: string[] = [];
  while (Date.now() < deadline) {
    const status = await stackControl.status().catch(() => undefined);
    unhealthy =
      status === undefined
        ? ['(stack control not answering)']
        : status.filter((p) => !p.healthy).map((p) => p.name);
    if (unhealthy.length === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the stack is not healthy after ${timeoutMs} ms: ${unhealthy.join(', ')}`);
}

/**
 * Checks `problems` after every test of the file: a test that provokes console errors is judged right after
 * it, with only the loads it excused itself (`expectFailedLoad`).
 */
export function checkProblemsAfterEachTest(problems: BrowserProblems): void {
  afterEach(() => {
    expect(problems.takeUnexpected()).toEqual([]);
  });
}

/**
 * Sends each POST of `page` to `matches` twice, as a retry after a lost answer or a double click that got
 * through would (same body, same idempotency key), and hands the browser the second answer. Returns a
 * counter of the requests sent. Node's fetch does not resolve *.localhost: the requests go to the loopback
 * address with the browser's Host.
 */
export async function sendEachPostTwice(
  page: Page,
  matches: (url: URL) => boolean,
): Promise<{ sent: number }> {
  const counter = { sent: 0 };
  await page.route(matches, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const url = new URL(route.request().url());
    const headers = { ...(await route.request().allHeaders()), host: url.host };
    url.hostname = '127.0.0.1';
    const send = () => route.fetch({ url: url.toString(), headers, maxRedirects: 0 });
    await send();
    counter.sent += 1;
    const again = await send();
    counter.sent += 1;
    return route.fulfill({ response: again });
  });
  return counter;
}
