import { fail, redirect } from '@sveltejs/kit';
import { COURSE_FIELDS, readCourseForm } from '$lib/course-forms.js';
import { hasErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo, providerIdFrom, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  const provider = requireProvider((await event.parent()).current);
  const result = await api(event).GET('/api/providers/{providerId}/programmes', {
    params: { path: { providerId: provider.id } },
  });
  if (!result.data) throwApiError(result, event.url);
  return { programmes: result.data.map((p) => ({ value: p.id, label: p.title })) };
};

export const actions = {
  save: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const providerId = providerIdFrom(form);
    const values = readText(form, COURSE_FIELDS);
    const { errors, fields } = readCourseForm(values, true);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });

    const result = await api(event).POST('/api/courses', {
      body: { ...fields, programmeId: values.programmeId },
    });
    if (!result.data) return apiFailure(result, values, { PROVIDER_NOT_APPROVED: '_form' });
    redirect(
      303,
      backTo(`/provider/courses/${result.data.id}`, result.data.providerId || providerId, 'courseCreated'),
    );
  },
} satisfies Actions;
