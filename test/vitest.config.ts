import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@cll/source'] },
  test: {
    include: ['e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
