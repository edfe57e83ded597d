import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { HEADLINE_CODES } from '$lib/indicators.js';
import { api } from '$lib/server/api.js';
import { errorMessage, failStatus, readApiError, type ApiResult } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import {
  figureView,
  loadDashboard,
  loadPeriods,
  periodView,
  readYear,
  requireBureau,
  requireBureauAdmin,
  thisYear,
  yearOptions,
} from '$lib/server/indicators.js';
import type { Actions, PageServerLoad } from './$types.js';
import { withStepUp } from '$lib/server/second-factor.js';

/**
 * The bureau's dashboard for a year: headline cards, every indicator in a table, where the figures come from, the
 * exports; administrators recompute the provisional figures and close the year (after a confirmation step, which is
 * a page of its own so that it works without JavaScript).
 */
export const load: PageServerLoad = async (event) => {
  const { isAdmin } = requireBureau(event);
  const year = readYear(event.url.searchParams.get('year'));
  const [dashboard, periods] = await Promise.all([loadDashboard(event, year), loadPeriods(event)]);
  const figures = dashboard.indicators.map(figureView);
  const period = periodView(dashboard);
  const knownYears = figures.flatMap((f) => f.trend.map((p) => p.year));
  return {
    isAdmin,
    year,
    isThisYear: year === thisYear(),
    years: yearOptions(periods, knownYears),
    period,
    checksum: periods.find((p) => p.year === year)?.checksum ?? null,
    confirmClose: isAdmin && period.status === 'open' && event.url.searchParams.get('confirm') === 'close',
    headline: HEADLINE_CODES.flatMap((code) => figures.filter((f) => f.code === code)),
    figures,
  };
};

function back(year: number, done: string): never {
  redirect(303, `/bureau/indicators?year=${year}&done=${done}`);
}

function refused(result: ApiResult) {
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
}

async function readYearField(event: RequestEvent) {
  const form = readText(await event.request.formData(), ['year', 'confirm']);
  return { year: readYear(form.year), confirmed: form.confirm === 'yes' };
}

export const actions = {
  recompute: async (event) => {
    requireBureauAdmin(event);
    const { year } = await readYearField(event);
    const result = await api(event).POST('/api/indicators/{year}/recompute', { params: { path: { year } } });
    if (!result.data) return refused(result);
    back(year, 'recomputed');
  },
  close: async (event) => {
    requireBureauAdmin(event);
    const form = await event.request.formData();
    const fields = readText(form, ['year', 'confirm']);
    const year = readYear(fields.year);
    if (fields.confirm !== 'yes') return fail(400, { actionError: { key: 'indicators.close.notConfirmed' } });
    // Closing a year is among the weightiest actions: the authenticator code is asked again (step-up) if stale.
    const outcome = await withStepUp(event, form, { year: String(year), confirm: 'yes' }, () =>
      api(event).POST('/api/indicators/periods/{year}/close', { params: { path: { year } } }),
    );
    if (!('result' in outcome)) return outcome;
    // PERIOD_CLOSED (a colleague closed it meanwhile) is said in words; the page then shows the year as closed.
    if (!outcome.result.data) return refused(outcome.result);
    back(year, 'periodClosed');
  },
} satisfies Actions;
