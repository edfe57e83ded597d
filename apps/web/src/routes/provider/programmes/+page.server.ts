import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { PROGRAMME_FIELDS, readProgrammeForm } from '$lib/course-forms.js';
import { hasErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo, providerIdFrom, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const FIELD_OF_CODE = { [ErrorCode.ProviderNotApproved]: '_form' };

export const load: PageServerLoad = async (event) => {
  const provider = requireProvider((await event.parent()).current);
  const result = await api(event).GET('/api/providers/{providerId}/programmes', {
    params: { path: { providerId: provider.id } },
  });
  if (!result.data) throwApiError(result, event.url);
  const programmes = result.data.map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    description: p.description,
    occupationCode: p.occupationCode,
    confersAttainment: p.confersAttainment,
    courseCount: p.courseCount,
  }));
  const editing = programmes.find((p) => p.id === event.url.searchParams.get('edit')) ?? null;
  return { programmes, editing };
};

export const actions = {
  save: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const providerId = providerIdFrom(form);
    // `id` is set when editing a programme, empty when creating one.
    const values = readText(form, [...PROGRAMME_FIELDS, 'id']);
    const programmeId = values.id;
    const { errors, fields } = readProgrammeForm(values);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });

    const client = api(event);
    const result = programmeId
      ? await client.PATCH('/api/programmes/{id}', { params: { path: { id: programmeId } }, body: fields })
      : await client.POST('/api/providers/{providerId}/programmes', {
          params: { path: { providerId } },
          body: fields,
        });
    if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
    redirect(
      303,
      backTo('/provider/programmes', providerId, programmeId ? 'programmeSaved' : 'programmeCreated'),
    );
  },
} satisfies Actions;
