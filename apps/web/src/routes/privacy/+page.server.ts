import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import type { PageServerLoad } from './$types.js';

/** The privacy notice, public; `?version=` shows an earlier one. */
export const load: PageServerLoad = async (event) => {
  const version = event.url.searchParams.get('version');
  const result = await api(event, null).GET('/api/privacy/notice', {
    params: { query: version && /^\d{4}-\d{2}-\d{2}$/.test(version) ? { version } : {} },
  });
  if (!result.data) throwApiError(result, event.url);
  return { notice: result.data };
};
