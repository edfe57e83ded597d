import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { schoolActions } from '$lib/apprenticeship.js';
import { readAmendForm, readVersion, TERM_FIELDS, type TermValues } from '$lib/apprenticeship-forms.js';
import { hasErrors } from '$lib/forms.js';
import { agreementHref } from '$lib/provider-links.js';
import { api } from '$lib/server/api.js';
import { loadAgreement, loadEnterpriseMentors } from '$lib/server/apprenticeship.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/**
 * Changing an agreement's terms makes a new version that every party confirms again. The version read is sent back,
 * so a change made meanwhile by someone else is refused rather than overwritten.
 */
export const load: PageServerLoad = async (event) => {
  requireProvider((await event.parent()).current);
  const agreement = await loadAgreement(event, event.params.id);
  if (!schoolActions(agreement.state).amend) redirect(303, agreementHref(agreement));
  const [options, enterpriseMentors] = await Promise.all([
    api(event).GET('/api/apprenticeships/options', {
      params: { query: { providerId: agreement.providerId } },
    }),
    loadEnterpriseMentors(event, agreement.enterpriseId),
  ]);
  if (!options.data) throwApiError(options, event.url);
  const values: TermValues = {
    programmeId: agreement.programmeId,
    occupationCode: agreement.occupationCode ?? '',
    occupationName: agreement.occupationName,
    schoolMentorUserId: agreement.schoolMentorUserId ?? '',
    enterpriseMentorUserId: agreement.enterpriseMentorUserId ?? '',
    startDate: agreement.startDate,
    plannedEndDate: agreement.plannedEndDate,
    plannedSchoolHours: String(agreement.plannedSchoolHours),
    plannedWorkplaceHours: String(agreement.plannedWorkplaceHours),
    'guardian.name': agreement.guardian?.name ?? '',
    'guardian.relationship': agreement.guardian?.relationship ?? '',
    // The API shows the guardian's mobile masked only; it has to be typed again.
    'guardian.mobile': '',
  };
  return {
    agreement: {
      id: agreement.id,
      providerId: agreement.providerId,
      version: agreement.version,
      apprenticeName: agreement.apprenticeName,
      occupationName: agreement.occupationName,
      enterpriseId: agreement.enterpriseId,
      enterpriseName: agreement.enterpriseName,
      guardianMobileMasked: agreement.guardian?.mobileMasked ?? null,
    },
    values,
    programmes: options.data.programmes.map((p) => ({ ...p })),
    schoolMentors: options.data.schoolMentors.map((m) => ({ ...m })),
    enterpriseMentors: enterpriseMentors ?? [],
  };
};

const FIELD_OF_CODE = {
  [ErrorCode.GuardianRequired]: 'guardian',
  [ErrorCode.ApprenticeTooYoung]: 'startDate',
  [ErrorCode.AgreementDatesInvalid]: 'plannedEndDate',
  [ErrorCode.AgreementVersionChanged]: '_form',
  [ErrorCode.AgreementStateInvalid]: '_form',
};

export const actions = {
  amend: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = { ...readText(form, TERM_FIELDS), version: readText(form, ['version']).version };
    const { errors, body } = readAmendForm(values, readVersion(values.version));
    if (hasErrors(errors) || !body) return fail(400, { values, errors });
    const result = await api(event).PUT('/api/apprenticeships/{id}', {
      params: { path: { id: event.params.id } },
      body,
    });
    if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
    redirect(303, `${agreementHref(result.data)}&done=agreementAmended`);
  },
} satisfies Actions;
