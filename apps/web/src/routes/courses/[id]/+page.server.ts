import { Role } from '@cll/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { publicCourseView } from '$lib/server/course-page.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import { checkReason } from '$lib/form-rules.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Who may take a course out of the catalogue (the API checks too). */
const UNPUBLISHING_ROLE: string = Role.BureauAdmin;

function isBureauAdmin(user: App.Locals['user']): boolean {
  return user?.roles.some((r) => r.role === UNPUBLISHING_ROLE) ?? false;
}

export const load: PageServerLoad = async (event) => {
  if (!isUuid(event.params.id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event, null).GET('/api/catalogue/courses/{id}', {
    params: { path: { id: event.params.id } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    id: result.data.id,
    course: publicCourseView(result.data),
    canUnpublish: isBureauAdmin(event.locals.user),
  };
};

export const actions = {
  unpublish: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), ['reason']);
    const errors: FormErrors = {};
    checkReason(values.reason, true, errors);
    if (hasErrors(errors)) return fail(400, { values, errors });

    const { id } = event.params;
    const result = await api(event).POST('/api/courses/{id}/unpublish', {
      params: { path: { id } },
      body: { reason: values.reason },
    });
    if (!result.response.ok) return apiFailure(result, values, { REASON_REQUIRED: 'reason' });
    redirect(303, `/courses/${id}/unpublished`);
  },
} satisfies Actions;
