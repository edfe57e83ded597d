import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@cll/source'] },
  test: {
    include: ['e2e/**/*.spec.ts'],
    globalSetup: ['support/global-setup.ts'],
    testTimeout: 60_000,
    // A page that answers within 1 s on an idle machine can take several on a loaded 2-core one.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
