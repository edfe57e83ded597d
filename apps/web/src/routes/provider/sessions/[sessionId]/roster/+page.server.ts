import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { checkChoice, checkedChoice, checkReason, requireFields } from '$lib/form-rules.js';
import { checkMobile, isCalendarDate, readPresentIds, readRosterCsv } from '$lib/roster-form.js';
import { isUuid } from '$lib/ids.js';
import {
  apiFailure,
  apiFailureForLearner,
  failStatus,
  formErrorsFrom,
  readApiError,
  throwApiError,
} from '$lib/server/errors.js';
import { api } from '$lib/server/api.js';
import { readText } from '$lib/server/form-data.js';
import { requireProvider } from '$lib/server/provider-context.js';
import { backToRoster, rosterQuery, type RosterValues } from '$lib/server/roster.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const provider = requireProvider((await event.parent()).current);
  const { sessionId, course, date, today } = rosterQuery(event);
  const result = await api(event).GET('/api/sessions/{sessionId}/roster', {
    params: { path: { sessionId }, query: date ? { date } : {} },
  });
  if (!result.data) throwApiError(result, event.url);
  const roster = result.data;
  return {
    providerId: provider.id,
    courseId: course || null,
    today,
    date: roster.date,
    session: { ...roster.session },
    heldDates: roster.heldDates,
    // The dates offered: the class's own dates (and any held), today too when it falls within the class, and the
    // date shown; nothing outside the class can be chosen (the API refuses it as well).
    dateChoices: [
      ...new Set([
        ...roster.classDates,
        ...(today >= roster.session.firstClassDate && today <= roster.session.lastClassDate ? [today] : []),
        roster.date,
      ]),
    ].sort(),
    learners: roster.learners.map((l) => ({ ...l })),
  };
};

const OUTCOMES = ['completed', 'failed'] as const;

const failWith = (status: number, values: RosterValues, errors: FormErrors) =>
  fail(status, { values, errors });

export const actions = {
  attendance: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const { date } = readText(form, ['date']);
    const values: RosterValues = { which: 'attendance', date, present: readPresentIds(form) };
    if (!isCalendarDate(date)) return failWith(400, values, { date: { key: 'validation.isDateString' } });
    const result = await api(event).PUT('/api/sessions/{sessionId}/attendance', {
      params: { path: { sessionId: event.params.sessionId } },
      body: { date, presentEnrolmentIds: values.present ?? [] },
    });
    if (!result.data) return apiFailure(result, values, { [ErrorCode.AttendanceDateInvalid]: 'date' });
    backToRoster(event, 'attendanceSaved', date);
  },

  enrol: async (event) => {
    requireUser(event);
    const { mobile } = readText(await event.request.formData(), ['mobile']);
    const values: RosterValues = { which: 'enrol', mobile };
    const errors: FormErrors = {};
    checkMobile(mobile, 'mobile', errors);
    if (hasErrors(errors)) return failWith(400, values, errors);
    const result = await api(event).POST('/api/sessions/{sessionId}/enrolments', {
      params: { path: { sessionId: event.params.sessionId } },
      body: { mobile },
    });
    if (!result.data)
      return apiFailureForLearner(result, values, {
        [ErrorCode.LearnerNotFound]: 'mobile',
        [ErrorCode.EnrolmentDuplicate]: 'mobile',
        [ErrorCode.EnrolmentAgeNotAllowed]: 'mobile',
        [ErrorCode.LearnerProfileRequired]: 'mobile',
      });
    backToRoster(event, result.data.status === 'waitlisted' ? 'learnerWaitlisted' : 'learnerEnrolled');
  },

  import: async (event) => {
    requireUser(event);
    const { csv, errors } = await readRosterCsv(await event.request.formData());
    // A pasted list comes back into the box after a refusal; a very long one is not sent back to the page.
    const values: RosterValues = { which: 'import', csv: csv.length <= 20_000 ? csv : '' };
    if (hasErrors(errors)) return failWith(400, values, errors);
    const { sessionId, provider, course } = rosterQuery(event);
    const result = await api(event).POST('/api/sessions/{sessionId}/roster-imports', {
      params: { path: { sessionId } },
      body: { csv },
    });
    if (!result.data) return apiFailure(result, values, { [ErrorCode.ImportCsvInvalid]: 'csv' });
    const params = new URLSearchParams({ provider });
    if (course) params.set('course', course);
    redirect(303, `/provider/sessions/${sessionId}/roster/imports/${result.data.id}?${params.toString()}`);
  },

  outcome: async (event) => {
    requireUser(event);
    const form = readText(await event.request.formData(), ['enrolmentId', 'outcome', 'reason']);
    const values: RosterValues = { which: 'outcome', ...form };
    const errors: FormErrors = {};
    requireFields(form, ['outcome'], errors);
    checkChoice(form.outcome, OUTCOMES, 'outcome', errors);
    checkReason(form.reason, true, errors);
    if (!isUuid(form.enrolmentId)) errors._form = { key: 'error.NOT_FOUND' };
    if (!hasErrors(errors)) {
      const result = await api(event).POST('/api/enrolments/{id}/outcome', {
        params: { path: { id: form.enrolmentId } },
        body: { outcome: checkedChoice(OUTCOMES, form.outcome), reason: form.reason },
      });
      if (result.response.ok) backToRoster(event, 'outcomeSaved');
      const apiError = readApiError(result);
      Object.assign(errors, formErrorsFrom(apiError, { [ErrorCode.ReasonRequired]: 'reason' }));
      return failWith(failStatus(apiError.status), values, outcomeErrors(errors, form.enrolmentId));
    }
    return failWith(400, values, outcomeErrors(errors, form.enrolmentId));
  },
} satisfies Actions;

/** Each learner has an outcome form: its fields' ids (and so the error summary's links) carry the enrolment id. */
function outcomeErrors(errors: FormErrors, enrolmentId: string): FormErrors {
  const named: FormErrors = {};
  for (const [field, message] of Object.entries(errors))
    named[field === '_form' ? field : `${field}-${enrolmentId}`] = message;
  return named;
}
