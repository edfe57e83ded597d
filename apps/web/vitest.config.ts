import { defineConfig } from 'vitest/config';

// Unit tests cover plain TypeScript modules only: no SvelteKit plugin, and a tsconfig that does not extend
// .svelte-kit/, so they neither need nor touch what `vite build` writes and can't corrupt a build running meanwhile.
export default defineConfig({
  tsconfig: './tsconfig.spec.json',
  resolve: { conditions: ['@cll/source'] },
  ssr: { resolve: { conditions: ['@cll/source'] } },
  test: { include: ['src/**/*.spec.ts'], environment: 'node', passWithNoTests: false },
});
