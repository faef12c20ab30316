import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { toolBin } from '../../tools/paths.mjs';

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

/** Console errors, uncaught page errors and CSP violations seen by every page of a context. */
export class BrowserProblems {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  readonly cspViolations: string[] = [];

  async watch(context: BrowserContext): Promise<void> {
    await context.exposeFunction('__reportCspViolation', (v: string) => {
      this.cspViolations.push(v);
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
   * Console errors other than the "Failed to load resource" of answers that are the point of a test (a 404
   * or 403 page): `statuses` and the `paths` that were expected to answer with one of them.
   */
  unexpectedConsoleErrors(statuses: readonly number[], paths: readonly string[]): string[] {
    return this.consoleErrors.filter(
      (e) =>
        !(
          statuses.some((status) => e.includes(`the server responded with a status of ${status}`)) &&
          paths.some((path) => e.includes(path))
        ),
    );
  }

  private watchPage(page: Page): void {
    page.on('console', (message) => {
      // For "Failed to load resource" the location is the resource that failed, not the page.
      const source = message.location().url;
      if (message.type() === 'error')
        this.consoleErrors.push(
          `${page.url()}: ${message.text()}${source && source !== page.url() ? ` (${source})` : ''}`,
        );
    });
    page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
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
