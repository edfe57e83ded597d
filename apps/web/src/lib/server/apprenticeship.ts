import type { Schemas } from '@cll/api-client';
import { ErrorCode } from '@cll/domain';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  ASSESSMENT_FIELDS,
  readAssessmentForm,
  readReturnComment,
  readVersion,
} from '../apprenticeship-forms.js';
import { hasErrors } from '../forms.js';
import { isUuid } from '../ids.js';
import { readEnterpriseInvitationForm } from '../organisation-forms.js';
import { api } from './api.js';
import { apiFailure, throwApiError } from './errors.js';
import { readText } from './form-data.js';

/** Loading agreements, and the form actions the school's, the company's and the apprentice's pages share. */

export type AgreementDetail = Schemas['AgreementDetail'];

/** An agreement the user is party to; anything else (or an id that is no id) is a page that does not exist. */
export async function loadAgreement(event: RequestEvent, id: string): Promise<AgreementDetail> {
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/apprenticeships/{id}', { params: { path: { id } } });
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/** The agreement's training log, newest week first. */
export async function loadWeeks(event: RequestEvent, id: string): Promise<Schemas['LogWeekResponse'][]> {
  const result = await api(event).GET('/api/apprenticeships/{id}/weeks', { params: { path: { id } } });
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/**
 * Mentors of a company to choose from; none when no company is chosen. `null` when the API does not show them yet:
 * a school sees a company's mentors only once it has an agreement (a draft included) with that company.
 */
export async function loadEnterpriseMentors(
  event: RequestEvent,
  enterpriseId: string | null,
): Promise<Array<{ userId: string; name: string }> | null> {
  if (!enterpriseId) return [];
  const result = await api(event).GET('/api/apprenticeships/enterprise-mentors', {
    params: { query: { enterpriseId } },
  });
  if (result.response.status === 404) return null;
  if (!result.data) throwApiError(result, event.url);
  return result.data.map((m) => ({ userId: m.userId, name: m.name }));
}

/** Every registered company, by name (the API lists up to 200). */
export async function loadEnterprises(event: RequestEvent): Promise<Array<{ id: string; name: string }>> {
  const result = await api(event).GET('/api/enterprises');
  if (!result.data) throwApiError(result, event.url);
  return result.data.map((e) => ({ id: e.id, name: e.name }));
}

/** A company id from the query (`?enterpriseId=`), when it is one of `known`. */
export function chosenEnterprise(
  url: URL,
  name: string,
  known: ReadonlyArray<{ id: string }>,
): string | null {
  const wanted = url.searchParams.get(name) ?? '';
  return known.some((e) => e.id === wanted) ? wanted : null;
}

/** Where an action goes back to after a change, with `done` naming the notice to show. */
export type BackTo = (done: string) => string;

type AgreementEvent = RequestEvent<{ id: string }>;

/** The signed-in party confirms the version they read (sent in a hidden field). */
export async function confirmAgreement(event: AgreementEvent, back: BackTo) {
  const values = { which: 'confirm', ...readText(await event.request.formData(), ['version']) };
  const result = await api(event).POST('/api/apprenticeships/{id}/confirmations', {
    params: { path: { id: event.params.id } },
    body: { version: readVersion(values.version) },
  });
  if (!result.data) return apiFailure(result, values);
  redirect(303, back('agreementConfirmed'));
}

/** A milestone or the final assessment, by the school or the company. */
export async function recordAssessment(event: AgreementEvent, back: BackTo) {
  const values = { which: 'assess', ...readText(await event.request.formData(), ASSESSMENT_FIELDS) };
  const { errors, body } = readAssessmentForm(values);
  if (hasErrors(errors) || !body) return fail(400, { values, errors });
  const result = await api(event).POST('/api/apprenticeships/{id}/assessments', {
    params: { path: { id: event.params.id } },
    body,
  });
  if (!result.data) return apiFailure(result, values, { [ErrorCode.AgreementStateInvalid]: 'kind' });
  redirect(303, back(result.data.state === 'completed' ? 'apprenticeshipCompleted' : 'assessmentRecorded'));
}

/** The ticked weeks, signed together: all of them or none. */
export async function signWeeks(event: RequestEvent, back: BackTo) {
  const form = await event.request.formData();
  const weekIds = [
    ...new Set(form.getAll('weekIds').filter((v): v is string => typeof v === 'string' && isUuid(v))),
  ];
  const values = { which: 'sign', weekIds };
  if (weekIds.length === 0) return fail(400, { values, errors: { weekIds: { key: 'weeks.noneSelected' } } });
  const result = await api(event).POST('/api/apprenticeships/weeks/sign', { body: { weekIds } });
  if (!result.response.ok) return apiFailure(result, values);
  redirect(303, back('weeksSigned'));
}

/** One week sent back to the apprentice with what to correct. */
export async function returnWeek(event: RequestEvent, back: BackTo) {
  const { weekId, comment } = readText(await event.request.formData(), ['weekId', 'comment']);
  const values = { which: 'return', weekId, comment };
  if (!isUuid(weekId)) return fail(404, { values, errors: { _form: { key: 'error.NOT_FOUND' } } });
  const errors = readReturnComment(comment);
  if (hasErrors(errors)) return fail(400, { values, errors });
  const result = await api(event).POST('/api/apprenticeships/weeks/{weekId}/return', {
    params: { path: { weekId } },
    body: { comment },
  });
  if (!result.response.ok) return apiFailure(result, values);
  redirect(303, back('weekReturned'));
}

/** Weeks waiting for my signature on one side (school or workplace), oldest first. */
export async function loadWeeksToSign(event: RequestEvent, setting: 'school' | 'workplace') {
  const result = await api(event).GET('/api/apprenticeships/weeks/to-sign');
  if (!result.data) throwApiError(result, event.url);
  return result.data
    .filter((w) => w.setting === setting)
    .map((w) => ({
      id: w.id,
      agreementId: w.agreementId,
      isoWeek: w.isoWeek,
      description: w.description,
      days: w.days,
      schoolHours: w.schoolHours,
      workplaceHours: w.workplaceHours,
      submittedAt: w.submittedAt,
      apprenticeName: w.apprenticeName,
      occupationName: w.occupationName,
      enterpriseName: w.enterpriseName,
      setting: w.setting,
    }));
}

export type WeekToSignView = Awaited<ReturnType<typeof loadWeeksToSign>>[number];

/** A company's accounts and pending invitations, with each invitation's link on this site. */
export async function loadEnterpriseMembers(event: RequestEvent, enterpriseId: string) {
  const result = await api(event).GET('/api/enterprises/{id}/users', {
    params: { path: { id: enterpriseId } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    staff: result.data.staff.map((s) => ({ ...s })),
    invitations: result.data.invitations
      .filter((i) => i.acceptedAt === null)
      .map((i) => ({
        id: i.id,
        contactMasked: i.contactMasked,
        role: i.role,
        expiresAt: i.expiresAt,
        link: `${event.url.origin}/invitations/${encodeURIComponent(i.code)}`,
      })),
  };
}

/** Invites a mentor or an administrator to a company; answers with the new invitation's id. */
export async function inviteToEnterprise(event: RequestEvent, enterpriseId: string) {
  const values = readText(await event.request.formData(), ['contact', 'role']);
  const { errors, fields } = readEnterpriseInvitationForm(values);
  if (hasErrors(errors) || !fields) return { failure: fail(400, { values, errors }) };
  const result = await api(event).POST('/api/enterprises/{id}/invitations', {
    params: { path: { id: enterpriseId } },
    body: fields,
  });
  if (!result.data) return { failure: apiFailure(result, values) };
  return { invitationId: result.data.id };
}
