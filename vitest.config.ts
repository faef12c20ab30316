import { defineConfig } from 'vitest/config';
import { SkippedReporter } from './tools/ci/skipped-reporter.js';

/** Unit tests: beside the code, no servers needed. Integration tests have their own config. */
export default defineConfig({
  test: {
    // Every skipped test is listed at the end with its reason (issue 15: no silent skips).
    reporters: ['default', new SkippedReporter()],
    include: ['{packages,actors,services,tools,test}/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts', '**/*.e2e.test.ts', '**/*.restart.test.ts'],
    testTimeout: 20_000,
  },
});
