import { ErrorCode } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { schoolActions } from '$lib/apprenticeship.js';
import {
  LIFECYCLE_FIELDS,
  readGuardianConsentForm,
  readLifecycleForm,
  readVersion,
  type LifecycleChange,
} from '$lib/apprenticeship-forms.js';
import { shanghaiDate } from '$lib/datetime.js';
import { hasErrors } from '$lib/forms.js';
import { agreementHref } from '$lib/provider-links.js';
import { api } from '$lib/server/api.js';
import {
  chosenEnterprise,
  confirmAgreement,
  loadAgreement,
  loadEnterpriseMentors,
  loadEnterprises,
  loadWeeks,
  recordAssessment,
} from '$lib/server/apprenticeship.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** The school's view of one agreement: confirmations, terms, changes, assessments, the log and the history. */
export const load: PageServerLoad = async (event) => {
  requireProvider((await event.parent()).current);
  const { id } = event.params;
  const [agreement, weeks] = await Promise.all([loadAgreement(event, id), loadWeeks(event, id)]);
  // A transfer picks another company first (`?transferTo=`), so that its mentors can be listed without JavaScript.
  const transferable = schoolActions(agreement.state).transfer;
  const enterprises = transferable
    ? (await loadEnterprises(event)).filter((e) => e.id !== agreement.enterpriseId)
    : [];
  const transferTo = chosenEnterprise(event.url, 'transferTo', enterprises);
  return {
    today: shanghaiDate(new Date().toISOString()),
    agreement,
    weeks: weeks.map((w) => ({ ...w })),
    enterprises,
    transferTo,
    transferMentors: (await loadEnterpriseMentors(event, transferTo)) ?? [],
  };
};

type AgreementEvent = RequestEvent<{ id: string }>;

/** Back to this agreement's page for the same provider, with a notice. */
const back = (event: AgreementEvent) => (done: string) =>
  backTo(`/provider/apprenticeships/${event.params.id}`, event.url.searchParams.get('provider') ?? '', done);

const FIELD_OF_CODE = {
  [ErrorCode.EventDateInvalid]: 'effectiveDate',
  [ErrorCode.AgreementStateInvalid]: '_form',
};

async function change(event: AgreementEvent, which: LifecycleChange) {
  requireUser(event);
  const values = { which, ...readText(await event.request.formData(), LIFECYCLE_FIELDS) };
  const { errors, request } = readLifecycleForm(which, values);
  if (hasErrors(errors) || !request) return fail(400, { values, errors });
  const client = api(event);
  const path = { path: { id: event.params.id } };
  switch (request.change) {
    case 'pause': {
      const result = await client.POST('/api/apprenticeships/{id}/pause', {
        params: path,
        body: request.body,
      });
      if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
      return redirect(303, back(event)('agreementPaused'));
    }
    case 'resume': {
      const result = await client.POST('/api/apprenticeships/{id}/resume', {
        params: path,
        body: request.body,
      });
      if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
      return redirect(303, back(event)('agreementResumed'));
    }
    case 'withdraw': {
      const result = await client.POST('/api/apprenticeships/{id}/withdraw', {
        params: path,
        body: request.body,
      });
      if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
      return redirect(303, back(event)('agreementWithdrawn'));
    }
    case 'transfer': {
      const result = await client.POST('/api/apprenticeships/{id}/transfer', {
        params: path,
        body: request.body,
      });
      if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
      // The apprenticeship continues under the new, linked agreement: show that one.
      return redirect(303, `${agreementHref(result.data)}&done=agreementTransferred`);
    }
  }
}

export const actions = {
  confirm: async (event) => {
    requireUser(event);
    return confirmAgreement(event, back(event));
  },
  guardianConsent: async (event) => {
    requireUser(event);
    const form = readText(await event.request.formData(), ['version', 'consentedOn', 'note']);
    const values = { which: 'guardianConsent', ...form };
    const { errors, body } = readGuardianConsentForm(values, readVersion(form.version));
    if (hasErrors(errors) || !body) return fail(400, { values, errors });
    const result = await api(event).POST('/api/apprenticeships/{id}/guardian-consent', {
      params: { path: { id: event.params.id } },
      body,
    });
    if (!result.data) return apiFailure(result, values, { [ErrorCode.EventDateInvalid]: 'consentedOn' });
    redirect(303, back(event)('guardianConsentRecorded'));
  },
  pause: (event) => change(event, 'pause'),
  resume: (event) => change(event, 'resume'),
  withdraw: (event) => change(event, 'withdraw'),
  transfer: (event) => change(event, 'transfer'),
  assess: async (event) => {
    requireUser(event);
    return recordAssessment(event, back(event));
  },
} satisfies Actions;
