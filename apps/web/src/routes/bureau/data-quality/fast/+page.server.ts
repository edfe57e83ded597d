import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { readYear, requireBureau } from '$lib/server/indicators.js';
import type { PageServerLoad } from './$types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The enrolments behind the fast completions of one provider (or all): masked learners; the API audits the view. */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const year = readYear(event.url.searchParams.get('year'));
  const provider = event.url.searchParams.get('provider');
  const providerId = provider && UUID.test(provider) ? provider : undefined;
  const result = await api(event).GET('/api/data-quality/fast-completions/rows', {
    params: { query: { year, providerId } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    isAdmin,
    providerName: providerId ? (result.data.rows[0]?.providerName ?? null) : null,
    filtered: Boolean(providerId),
    ...result.data,
  };
};
