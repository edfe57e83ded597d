import { fail } from '@sveltejs/kit';
import { DIVISION_CODE_PATTERN } from '@cll/domain';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Bureau administrators designate and withdraw service-point staff; the API refuses everyone else (403). */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const [staff, townships] = await Promise.all([
    api(event).GET('/api/service-points/staff', {}),
    api(event).GET('/api/geo/townships', {}),
  ]);
  if (!staff.data) throwApiError(staff, event.url);
  if (!townships.data) throwApiError(townships, event.url);
  return { staff: staff.data, townships: townships.data };
};

export const actions = {
  designate: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), ['login', 'townshipCode']);
    const errors: FormErrors = {};
    if (!values.login) errors.login = { key: 'validation.required' };
    if (!DIVISION_CODE_PATTERN.test(values.townshipCode))
      errors.townshipCode = { key: 'validation.required' };
    if (hasErrors(errors)) return fail(400, { values, errors, done: '' });
    const result = await api(event).POST('/api/service-points/staff', { body: values });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { values, errors: formErrorsFrom(apiError), done: '' });
    }
    return { values: {}, errors: {}, done: result.data.id };
  },
  withdraw: async (event) => {
    requireUser(event);
    const { id } = readText(await event.request.formData(), ['id']);
    if (!isUuid(id))
      return fail(404, { values: {}, errors: { _form: { key: 'error.NOT_FOUND' } }, done: '' });
    const result = await api(event).POST('/api/service-points/staff/{id}/withdraw', {
      params: { path: { id } },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { values: {}, errors: formErrorsFrom(apiError), done: '' });
    }
    return { values: {}, errors: {}, done: id };
  },
} satisfies Actions;
