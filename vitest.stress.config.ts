import { defineConfig } from 'vitest/config';

/** `npm run test:stress`: test/stress/ only, one file at a time (figures in docs/RELIABILITY.md). */
export default defineConfig({
  test: {
    include: ['test/stress/**/*.test.ts'],
    testTimeout: 3_600_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
