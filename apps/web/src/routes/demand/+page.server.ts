import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

/** What residents asked for when a search found nothing, for the bureau's and providers' planning. */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/course-requests/summary');
  if (!result.data) throwApiError(result, event.url);
  return { summary: result.data };
};
