import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@cll/source'] },
  test: { include: ['src/**/*.spec.ts'], passWithNoTests: false },
});
