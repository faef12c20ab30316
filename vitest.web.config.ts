import { defineConfig } from 'vitest/config';
import { SkippedReporter } from './tools/ci/skipped-reporter.js';

/**
 * Browser tests of the web app (Debian's Chromium via playwright-core, axe, Lighthouse) against the local
 * stack `npm test` started: one file after another, bounded.
 */
export default defineConfig({
  test: {
    // Every skipped test is listed at the end with its reason (issue 15: no silent skips).
    reporters: ['default', new SkippedReporter()],
    include: ['test/web/**/*.e2e.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
