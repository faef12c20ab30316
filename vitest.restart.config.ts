import { defineConfig } from 'vitest/config';

/**
 * The restart phase of `npm test` (tools/ci/restart-phase.ts): seed.restart.test.ts on a running stack, then
 * the stack is stopped or killed and started again on the same data folder, then verify.restart.test.ts.
 * Not part of the integration run: each file needs the stack in a given state.
 */
export default defineConfig({
  test: {
    include: ['test/restart/**/*.restart.test.ts'],
    exclude: ['**/node_modules/**'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
