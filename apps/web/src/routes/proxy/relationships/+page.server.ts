import { fail } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/proxy/relationships', {});
  if (!result.data) throwApiError(result, event.url);
  return { relationships: result.data };
};

/** Either side ends a relationship; it takes effect at once. */
export const actions = {
  revoke: async (event) => {
    requireUser(event);
    const { id } = readText(await event.request.formData(), ['id']);
    if (!isUuid(id)) return fail(404, { errors: { _form: { key: 'error.NOT_FOUND' } }, revoked: '' });
    const result = await api(event).POST('/api/proxy/relationships/{id}/revoke', {
      params: { path: { id } },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { errors: formErrorsFrom(apiError), revoked: '' });
    }
    return { errors: {}, revoked: id };
  },
} satisfies Actions;
