import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import type { FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readSecret } from '$lib/server/form-data.js';
import { clearSessionCookies, requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = (event) => {
  requireUser(event);
  return {};
};

/** Closing one's own account (PIPL art. 47): the password again and an explicit confirmation; then signed out. */
export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const password = readSecret(form, 'password');
    const confirmed = form.get('confirm') === 'true';
    const errors: FormErrors = {};
    if (!password) errors.password = { key: 'validation.required' };
    if (!confirmed) errors.confirm = { key: 'closure.confirm.required' };
    if (Object.keys(errors).length) return fail(400, { values: {}, errors });
    const result = await api(event).POST('/api/me/account-closure', { body: { password } });
    if (!result.data) return apiFailure(result, {}, { [ErrorCode.PasswordWrong]: 'password' });
    clearSessionCookies(event.cookies, event.url);
    event.locals.user = null;
    event.locals.accessToken = null;
    redirect(303, '/account/closed');
  },
} satisfies Actions;
