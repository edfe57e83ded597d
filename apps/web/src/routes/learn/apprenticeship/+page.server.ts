import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { readVersion } from '$lib/apprenticeship-forms.js';
import { shanghaiDate } from '$lib/datetime.js';
import { hasErrors } from '$lib/forms.js';
import { isUuid } from '$lib/ids.js';
import {
  chooseWeek,
  isLoggableDay,
  logFieldNames,
  logFieldOf,
  loggableWeeks,
  readLogWeekForm,
  renameErrors,
  weekDates,
} from '$lib/training-log.js';
import { api } from '$lib/server/api.js';
import { loadAgreement, loadWeeks } from '$lib/server/apprenticeship.js';
import { apiFailure, failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const LOGGABLE_STATES: readonly string[] = ['active', 'paused'];

/**
 * The apprentice's own page: their agreements, the one shown (`?agreement=`, else the running one), its confirmation,
 * the week being logged (`?week=`, else the newest week that can be) and the log so far.
 */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const list = await api(event).GET('/api/apprenticeships');
  if (!list.data) throwApiError(list, event.url);
  // Staff who are also learners see their school's agreements in the same list: keep the user's own.
  const agreements = list.data
    .filter((a) => a.apprenticeUserId === user.id)
    .map((a) => ({
      id: a.id,
      occupationName: a.occupationName,
      enterpriseName: a.enterpriseName,
      state: a.state,
    }));
  const wanted = event.url.searchParams.get('agreement');
  const shownId =
    agreements.find((a) => a.id === wanted)?.id ??
    agreements.find((a) => LOGGABLE_STATES.includes(a.state))?.id ??
    agreements[0]?.id;
  if (!shownId) return { agreements, shown: null };

  const [agreement, weeks] = await Promise.all([loadAgreement(event, shownId), loadWeeks(event, shownId)]);
  const today = shanghaiDate(new Date().toISOString());
  const choices = LOGGABLE_STATES.includes(agreement.state) ? loggableWeeks(agreement, today) : [];
  const week = chooseWeek(event.url.searchParams.get('week'), choices);
  const logged = weeks.find((w) => w.isoWeek === week) ?? null;
  return {
    agreements,
    shown: {
      agreement,
      weeks: weeks.map((w) => ({ ...w })),
      log: week
        ? {
            week,
            choices: choices.map((choice) => ({
              week: choice,
              status: weeks.find((w) => w.isoWeek === choice) ? 'logged' : 'empty',
            })),
            dates: weekDates(week).map((date) => ({ date, loggable: isLoggableDay(date, agreement, today) })),
            logged,
          }
        : null,
    },
  };
};

const back = (query: Record<string, string>, done: string, hash = '') =>
  `/learn/apprenticeship?${new URLSearchParams({ ...query, done }).toString()}${hash}`;

function agreementIdFrom(value: string): string {
  return isUuid(value) ? value : '';
}

export const actions = {
  /** Confirms the version shown for the agreement the page shows (`?agreement=` in the action's URL). */
  confirm: async (event) => {
    requireUser(event);
    const { version } = readText(await event.request.formData(), ['version']);
    const id = agreementIdFrom(event.url.searchParams.get('agreement') ?? '');
    const values = { which: 'confirm', version };
    if (!id) return fail(404, { values, errors: { _form: { key: 'error.NOT_FOUND' } } });
    const result = await api(event).POST('/api/apprenticeships/{id}/confirmations', {
      params: { path: { id } },
      body: { version: readVersion(version) },
    });
    if (!result.data) return apiFailure(result, values);
    redirect(303, back({ agreement: id }, 'agreementConfirmed'));
  },

  /** Submits (or corrects) the week; the API's field errors go back beside the day they are about. */
  log: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { agreementId, week } = readText(form, ['agreementId', 'week']);
    const dates = weekDates(week);
    const id = agreementIdFrom(agreementId);
    const values = { which: 'log', agreementId, week, ...readText(form, logFieldNames(dates)) };
    if (!id || dates.length === 0)
      return fail(404, { values, errors: { _form: { key: 'error.NOT_FOUND' } } });
    const { errors, body } = readLogWeekForm(values, dates);
    if (hasErrors(errors) || !body) return fail(400, { values, errors });
    const result = await api(event).PUT('/api/apprenticeships/{id}/weeks/{isoWeek}', {
      params: { path: { id, isoWeek: week } },
      body,
    });
    if (!result.data) {
      const apiError = readApiError(result);
      const apiErrors = formErrorsFrom(apiError, {
        [ErrorCode.LogWeekLimit]: 'days',
        [ErrorCode.LogWeekOutOfRange]: 'days',
      });
      return fail(failStatus(apiError.status), {
        values,
        errors: renameErrors(apiErrors, (field) => logFieldOf(field, body.days)),
      });
    }
    redirect(303, back({ agreement: id, week }, 'weekSubmitted', '#log'));
  },
} satisfies Actions;
