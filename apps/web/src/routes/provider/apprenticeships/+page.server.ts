import { AGREEMENT_STATES } from '@cll/domain';
import { isCalendarDate } from '$lib/roster-form.js';
import { shanghaiDate } from '$lib/datetime.js';
import { isOneOf } from '$lib/validation.js';
import { api } from '$lib/server/api.js';
import { loadWeeksToSign } from '$lib/server/apprenticeship.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireProvider } from '$lib/server/provider-context.js';
import type { PageServerLoad } from './$types.js';

/**
 * The school's apprenticeships: every agreement, most at risk first (the API's order), filtered by state; those
 * waiting for confirmations; and the counts on a chosen date, replayed from the agreements' events.
 */
export const load: PageServerLoad = async (event) => {
  const provider = requireProvider((await event.parent()).current);
  const params = event.url.searchParams;
  const today = shanghaiDate(new Date().toISOString());
  const wantedState = params.get('state') ?? '';
  const state: string = isOneOf(AGREEMENT_STATES, wantedState) ? wantedState : '';
  const wantedDate = params.get('date') ?? '';
  const date = isCalendarDate(wantedDate) && wantedDate <= today ? wantedDate : today;

  const client = api(event);
  const [agreements, summary, weeks] = await Promise.all([
    client.GET('/api/apprenticeships', { params: { query: { providerId: provider.id } } }),
    client.GET('/api/apprenticeships/summary', { params: { query: { providerId: provider.id, date } } }),
    loadWeeksToSign(event, 'school'),
  ]);
  if (!agreements.data) throwApiError(agreements, event.url);
  if (!summary.data) throwApiError(summary, event.url);

  const rows = agreements.data.map((a) => ({
    id: a.id,
    providerId: a.providerId,
    apprenticeName: a.apprenticeName,
    enterpriseName: a.enterpriseName,
    occupationName: a.occupationName,
    state: a.state,
    startDate: a.startDate,
    pendingParties: a.pendingParties,
    signedSchoolHours: a.signedSchoolHours,
    plannedSchoolHours: a.plannedSchoolHours,
    signedWorkplaceHours: a.signedWorkplaceHours,
    plannedWorkplaceHours: a.plannedWorkplaceHours,
    weeksToSign: a.weeksToSign,
    warnings: a.warnings,
  }));
  return {
    providerId: provider.id,
    today,
    state,
    date,
    total: rows.length,
    // One request for both: the table filtered by state, and the confirmations section always complete.
    agreements: state ? rows.filter((a) => a.state === state) : rows,
    pending: rows.filter((a) => a.state === 'pending'),
    summary: { ...summary.data },
    weeksToSign: weeks.length,
  };
};
