import { defineConfig } from 'vitest/config';

/** Benchmarks: run on demand (`npm run bench:catalogue`), never as part of `npm test`; they report, they do not assert speed. */
export default defineConfig({
  resolve: { conditions: ['@cll/source'] },
  test: {
    include: ['bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
