import { defineConfig } from 'vitest/config';
import { SkippedReporter } from './tools/ci/skipped-reporter.js';

/**
 * Integration tests against the real local stack (Postgres, Redis, daprd, Temporal, Jaeger, moto …), which
 * `npm test` starts once before this run (tools/ci/test.ts). Files run one after another: two cores.
 */
export default defineConfig({
  test: {
    // Every skipped test is listed at the end with its reason (issue 15: no silent skips).
    reporters: ['default', new SkippedReporter()],
    include: ['{packages,actors,services,tools,test}/**/*.integration.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
