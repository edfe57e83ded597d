import { readMovedSort } from '$lib/data-quality.js';
import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { loadPeriods, readYear, requireBureau, yearOptions } from '$lib/server/indicators.js';
import type { PageServerLoad } from './$types.js';

/**
 * The bureau's data-quality view: completions faster than the planned hours allow, by provider (each with a link to
 * the enrolments behind it), and the figures of the last closed year that moved most since the close (each with a
 * link to the courses and providers behind it).
 */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const year = readYear(event.url.searchParams.get('year'));
  const sort = readMovedSort(event.url.searchParams.get('sort'));
  const [fast, moved, periods] = await Promise.all([
    api(event).GET('/api/data-quality/fast-completions', { params: { query: { year } } }),
    api(event).GET('/api/data-quality/moved-figures', { params: { query: { sort } } }),
    loadPeriods(event),
  ]);
  if (!fast.data) throwApiError(fast, event.url);
  if (!moved.data) throwApiError(moved, event.url);
  return { isAdmin, year, sort, years: yearOptions(periods, []), fast: fast.data, moved: moved.data };
};
