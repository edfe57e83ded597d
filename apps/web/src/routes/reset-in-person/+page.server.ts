import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { checkNewPassword, normaliseCode } from '$lib/account-form.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { failStatus, formErrorsFrom, readApiError } from '$lib/server/errors.js';
import { readSecret, readText } from '$lib/server/form-data.js';
import { startSession } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const CODE_FIELD = {
  CODE_INVALID: 'code',
  CODE_EXPIRED: 'code',
  CODE_USED: 'code',
  CODE_ATTEMPTS_EXHAUSTED: 'code',
};

export const load: PageServerLoad = ({ locals }) => {
  if (locals.user) redirect(303, '/profile');
  return {};
};

/** The resident's side of an in-person reset: account, the 8-digit code from the service point, a new password. */
export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = readText(form, ['login', 'code']);
    values.code = normaliseCode(values.code);
    values.login = normaliseCode(values.login.includes('@') ? values.login : values.login.replace(/-/g, ''));
    const newPassword = readSecret(form, 'newPassword');
    const errors: FormErrors = {};
    if (!values.login) errors.login = { key: 'validation.required' };
    if (!values.code) errors.code = { key: 'validation.required' };
    else if (!/^\d{8}$/.test(values.code)) errors.code = { key: 'validation.resetCode' };
    checkNewPassword(newPassword, readSecret(form, 'confirmPassword'), errors);
    if (hasErrors(errors)) return fail(400, { values, errors });
    const result = await api(event, null).POST('/api/auth/in-person-reset', {
      body: { ...values, newPassword },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      const refused = formErrorsFrom(apiError, CODE_FIELD);
      // Not an SMS code: say so, and that the account may be the wrong one (the API does not tell which).
      if (apiError.code === ErrorCode.CodeInvalid) refused.code = { key: 'inPersonReset.codeInvalid' };
      if (refused.password) {
        refused.newPassword = refused.password;
        delete refused.password;
      }
      return fail(failStatus(apiError.status), { values, errors: refused });
    }
    startSession(event, result.data);
    redirect(303, '/profile');
  },
} satisfies Actions;
