import { fail, redirect } from '@sveltejs/kit';
import { checkCode, checkNewPassword, normaliseCode } from '$lib/account-form.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { checkMobile } from '$lib/roster-form.js';
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

/** 忘记密码: a code to the mobile, then the code with a new password; the API ends every other session. */
export const actions = {
  send: async (event) => {
    const values = readText(await event.request.formData(), ['mobile']);
    const errors: FormErrors = {};
    checkMobile(values.mobile, 'mobile', errors);
    if (hasErrors(errors)) return fail(400, { step: 'mobile' as const, values, errors });
    const result = await api(event, null).POST('/api/auth/password-reset/code', { body: values });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), {
        step: 'mobile' as const,
        values,
        errors: formErrorsFrom(apiError),
      });
    }
    return { step: 'code' as const, values: { ...values, challengeId: result.data.challengeId }, errors: {} };
  },

  reset: async (event) => {
    const form = await event.request.formData();
    const values = readText(form, ['mobile', 'challengeId', 'code']);
    values.code = normaliseCode(values.code);
    const newPassword = readSecret(form, 'newPassword');
    const errors: FormErrors = {};
    checkCode(values.code, errors);
    checkNewPassword(newPassword, readSecret(form, 'confirmPassword'), errors);
    if (hasErrors(errors)) return fail(400, { step: 'code' as const, values, errors });
    const result = await api(event, null).POST('/api/auth/password-reset', {
      body: { ...values, newPassword },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      const refused = formErrorsFrom(apiError, CODE_FIELD);
      // The API names the password `password` when a policy refuses it, `newPassword` when its shape is wrong.
      if (refused.password) {
        refused.newPassword = refused.password;
        delete refused.password;
      }
      return fail(failStatus(apiError.status), { step: 'code' as const, values, errors: refused });
    }
    startSession(event, result.data);
    redirect(303, '/profile');
  },
} satisfies Actions;
