import { fail, redirect } from '@sveltejs/kit';
import { checkCode, normaliseCode } from '$lib/account-form.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { startSession } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = ({ url }) => {
  const challengeId = url.searchParams.get('c') ?? '';
  // Without a challenge there is nothing to answer: back to the sign-in form.
  if (!UUID.test(challengeId)) redirect(303, '/login');
  return { challengeId, mobileMasked: (url.searchParams.get('m') ?? '').replace(/[^\d*]/g, '').slice(0, 11) };
};

/** Step-up at sign-in: the code texted to the account's mobile finishes the sign-in the password started. */
export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = readText(form, ['challengeId', 'code']);
    values.code = normaliseCode(values.code);
    const errors: FormErrors = {};
    checkCode(values.code, errors);
    if (!UUID.test(values.challengeId)) redirect(303, '/login');
    if (hasErrors(errors)) return fail(400, { values, errors });
    const result = await api(event, null).POST('/api/auth/login/step-up', { body: values });
    if (!result.data) return apiFailure(result, { code: '' }, { CODE_INVALID: 'code', CODE_EXPIRED: 'code' });
    startSession(event, result.data);
    redirect(303, safeNextPath(event.url.searchParams.get('next')) ?? '/profile');
  },
} satisfies Actions;
