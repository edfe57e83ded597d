import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { DRAFT_FIELDS, readDraftForm } from '$lib/apprenticeship-forms.js';
import { shanghaiDate } from '$lib/datetime.js';
import { hasErrors } from '$lib/forms.js';
import { agreementHref } from '$lib/provider-links.js';
import { api } from '$lib/server/api.js';
import { chosenEnterprise, loadEnterpriseMentors, loadEnterprises } from '$lib/server/apprenticeship.js';
import { failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { providerIdFrom, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/**
 * Drafting an agreement in two steps: the company first (`?enterpriseId=`, so that its mentors can be listed without
 * JavaScript), then the terms.
 */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const provider = requireProvider((await event.parent()).current);
  const [enterprises, options] = await Promise.all([
    loadEnterprises(event),
    api(event).GET('/api/apprenticeships/options', { params: { query: { providerId: provider.id } } }),
  ]);
  if (!options.data) throwApiError(options, event.url);
  const enterpriseId = chosenEnterprise(event.url, 'enterpriseId', enterprises);
  const enterpriseMentors = await loadEnterpriseMentors(event, enterpriseId);
  const { programmes, schoolMentors } = options.data;
  return {
    providerId: provider.id,
    today: shanghaiDate(new Date().toISOString()),
    enterprises,
    enterpriseId,
    enterpriseName: enterprises.find((e) => e.id === enterpriseId)?.name ?? '',
    programmes: programmes.map((p) => ({ ...p })),
    schoolMentors: schoolMentors.map((m) => ({ ...m })),
    enterpriseMentors: enterpriseMentors ?? [],
    mentorsAfterDraft: enterpriseMentors === null,
    // The coordinator drafting is usually the school mentor too; a school with one programme needs no choice.
    defaults: {
      scheme: 'modern',
      schoolMentorUserId: schoolMentors.some((m) => m.userId === user.id) ? user.id : '',
      programmeId: programmes.length === 1 ? programmes[0].id : '',
      occupationCode: programmes.length === 1 ? (programmes[0].occupationCode ?? '') : '',
    },
  };
};

const FIELD_OF_CODE = {
  [ErrorCode.LearnerNotFound]: 'apprenticeMobile',
  [ErrorCode.ApprenticeTooYoung]: 'startDate',
  [ErrorCode.GuardianRequired]: 'guardian',
  [ErrorCode.AgreementDatesInvalid]: 'plannedEndDate',
};

export const actions = {
  draft: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const providerId = providerIdFrom(form);
    const values = readText(form, DRAFT_FIELDS);
    const { errors, body } = readDraftForm(values, providerId);
    if (hasErrors(errors) || !body) return fail(400, { values, errors });
    const result = await api(event).POST('/api/apprenticeships', { body });
    if (!result.data) {
      const apiError = readApiError(result);
      const apiErrors = formErrorsFrom(apiError, FIELD_OF_CODE);
      // The API's wording is for the learner themself; here the school drafts for someone else.
      if (apiError.code === ErrorCode.LearnerProfileRequired) {
        delete apiErrors._form;
        apiErrors.apprenticeMobile = { key: 'agreementForm.profileRequired' };
      }
      return fail(failStatus(apiError.status), { values, errors: apiErrors });
    }
    redirect(303, `${agreementHref(result.data)}&done=agreementDrafted`);
  },
} satisfies Actions;
