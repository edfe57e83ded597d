import { INDICATOR_CODES, INDICATORS } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { FORM_ERROR, hasErrors, type FormErrors } from '$lib/forms.js';
import { readTarget, targetChanged } from '$lib/indicators.js';
import { api } from '$lib/server/api.js';
import { errorMessage, failStatus, readApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import {
  loadDashboard,
  loadPeriods,
  readYear,
  requireBureauAdmin,
  yearOptions,
} from '$lib/server/indicators.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Each field is named after its indicator: `target-ce_participation_12m`; the stored value rides along. */
const FIELD = (code: string) => `target-${code}`;
const STORED = (code: string) => `stored-${code}`;

/** The year's targets, one row per indicator; administrators only (the API lets only them set targets). */
export const load: PageServerLoad = async (event) => {
  requireBureauAdmin(event);
  const year = readYear(event.url.searchParams.get('year'));
  const [dashboard, periods] = await Promise.all([loadDashboard(event, year), loadPeriods(event)]);
  return {
    isAdmin: true,
    year,
    years: yearOptions(periods, []),
    closed: dashboard.status === 'closed',
    rows: dashboard.indicators.map((f) => ({
      code: f.code,
      unit: f.unit,
      counting: f.counting,
      target: f.target,
    })),
  };
};

export const actions = {
  /** Sends only the rows that changed, one PUT each; a refused row keeps what was typed, the others are saved. */
  default: async (event) => {
    requireBureauAdmin(event);
    const form = await event.request.formData();
    const year = readYear(readText(form, ['year']).year);
    const names = INDICATOR_CODES.flatMap((code) => [FIELD(code), STORED(code)]);
    const typed = readText(form, names);
    const values = Object.fromEntries(INDICATOR_CODES.map((code) => [FIELD(code), typed[FIELD(code)]]));
    const errors: FormErrors = {};
    const changes: Array<{ code: (typeof INDICATOR_CODES)[number]; value: number }> = [];
    for (const code of INDICATOR_CODES) {
      const { value, error } = readTarget(INDICATORS[code].unit, typed[FIELD(code)]);
      if (error) errors[FIELD(code)] = error;
      const storedText = typed[STORED(code)];
      const stored = storedText === '' ? null : Number(storedText);
      if (value !== null && targetChanged(Number.isFinite(stored) ? stored : null, value))
        changes.push({ code, value });
    }
    if (hasErrors(errors)) return fail(400, { values, errors, saved: 0 });
    if (!changes.length) redirect(303, `/bureau/indicators/targets?year=${year}&done=targetsUnchanged`);

    const client = api(event);
    const results = await Promise.all(
      changes.map(async ({ code, value }) => ({
        code,
        result: await client.PUT('/api/indicators/targets/{code}/{year}', {
          params: { path: { code, year } },
          body: { value },
        }),
      })),
    );
    let status = 400;
    for (const { code, result } of results) {
      if (result.response.ok) continue;
      const apiError = readApiError(result);
      status = failStatus(apiError.status);
      errors[FIELD(code)] = errorMessage(apiError);
    }
    const saved = results.length - Object.keys(errors).length;
    if (hasErrors(errors)) {
      const summary: FormErrors =
        saved > 0 ? { [FORM_ERROR]: { key: 'targets.partial', params: { saved } } } : {};
      return fail(status, { values, errors: { ...summary, ...errors }, saved });
    }
    redirect(303, `/bureau/indicators/targets?year=${year}&done=targetsSaved`);
  },
} satisfies Actions;
