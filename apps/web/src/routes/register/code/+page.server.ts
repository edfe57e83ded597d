import { fail, redirect } from '@sveltejs/kit';
import type { FormErrors } from '$lib/forms.js';
import { hasErrors } from '$lib/forms.js';
import { checkMobile } from '$lib/roster-form.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = () => redirect(303, '/register');

/**
 * First step of registering with a mobile where a code is required: the code is texted (the answer is the same
 * whether or not the number has an account), then the registration form follows with the mobile filled in.
 */
export const actions = {
  default: async (event) => {
    const values = readText(await event.request.formData(), ['mobile']);
    const errors: FormErrors = {};
    checkMobile(values.mobile, 'mobile', errors);
    if (hasErrors(errors)) return fail(400, { values, errors });
    const result = await api(event, null).POST('/api/auth/register/code', { body: values });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { values, errors: formErrorsFrom(apiError) });
    }
    const query = new URLSearchParams({ mobile: values.mobile, c: result.data.challengeId });
    redirect(303, `/register?${query.toString()}`);
  },
} satisfies Actions;
