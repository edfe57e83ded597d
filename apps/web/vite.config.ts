import { sveltekit } from '@sveltejs/kit/vite';
import { defaultClientConditions, defaultServerConditions, defineConfig } from 'vite';

// '@cll/source' makes workspace libs resolve to their TypeScript source instead of dist/.
const SOURCE_CONDITION = '@cll/source';

export default defineConfig({
  plugins: [sveltekit()],
  resolve: { conditions: [SOURCE_CONDITION, ...defaultClientConditions] },
  ssr: {
    noExternal: ['@cll/domain', '@cll/api-client'],
    resolve: { conditions: [SOURCE_CONDITION, ...defaultServerConditions] },
  },
});
