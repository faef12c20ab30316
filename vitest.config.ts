import { defineConfig } from 'vitest/config';

/** Unit tests: beside the code, no servers needed. Integration tests have their own config. */
export default defineConfig({
  test: {
    include: ['{packages,actors,services,tools,test}/**/*.test.ts', 'web/src/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/*.integration.test.ts', '**/*.e2e.test.ts', '**/*.restart.test.ts'],
    testTimeout: 20_000,
  },
});
