import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { hasErrors } from '$lib/forms.js';
import { APPLICATION_FIELDS, readApplicationForm } from '$lib/organisation-forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { loadTownships } from '$lib/server/geo.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Any resident may apply on behalf of an organisation; the bureau decides. */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const [applications, townships] = await Promise.all([
    api(event).GET('/api/providers/applications/mine'),
    loadTownships(event),
  ]);
  if (!applications.data) throwApiError(applications, event.url);
  return {
    townships,
    applications: applications.data.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      townshipName: a.townshipName,
      status: a.status,
      decisionReason: a.decisionReason,
      appliedAt: a.appliedAt,
      decidedAt: a.decidedAt,
    })),
  };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), APPLICATION_FIELDS);
    const { errors, fields } = readApplicationForm(values);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });
    const result = await api(event).POST('/api/providers/applications', { body: fields });
    if (!result.data) return apiFailure(result, values, { [ErrorCode.TownshipUnknown]: 'townshipCode' });
    redirect(303, `/provider/apply?done=applied#application-${result.data.id}`);
  },
} satisfies Actions;
