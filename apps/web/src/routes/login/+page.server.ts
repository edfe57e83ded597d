import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import { apiFailure, readApiError } from '$lib/server/errors.js';
import { readSecret, readText } from '$lib/server/form-data.js';
import { rememberFactorStep } from '$lib/server/second-factor.js';
import { startSession } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

function destination(url: URL): string {
  return safeNextPath(url.searchParams.get('next')) ?? '/profile';
}

export const load: PageServerLoad = ({ locals, url }) => {
  if (locals.user) redirect(303, destination(url));
  return {};
};

export const actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const values = readText(form, ['login']);
    const password = readSecret(form, 'password');
    const errors: FormErrors = {};
    if (!values.login) errors.login = { key: 'validation.required' };
    if (!password) errors.password = { key: 'validation.required' };
    if (hasErrors(errors)) return fail(400, { values, errors });

    const result = await api(event, null).POST('/api/auth/login', {
      body: { login: values.login, password },
    });
    if (!result.data) {
      const apiError = readApiError(result);
      // The account is being sprayed from elsewhere: the right password also needs the code just texted.
      const body = result.error as { challengeId?: unknown; mobileMasked?: unknown } | undefined;
      if (apiError.code === ErrorCode.AuthStepUpRequired && typeof body?.challengeId === 'string') {
        const query = new URLSearchParams({
          c: body.challengeId,
          m: typeof body.mobileMasked === 'string' ? body.mobileMasked : '',
          next: destination(event.url),
        });
        redirect(303, `/login/code?${query.toString()}`);
      }
      return apiFailure(result, values);
    }
    startSession(event, result.data);
    rememberFactorStep(event, result.data.secondFactor);
    // A staff account finishes with its authenticator (or sets one up first); the hook would send it there too.
    const next = encodeURIComponent(destination(event.url));
    if (result.data.secondFactor === 'code') redirect(303, `/login/totp?next=${next}`);
    if (result.data.secondFactor === 'enrol') redirect(303, `/account/security/enrol?next=${next}`);
    redirect(303, destination(event.url));
  },
} satisfies Actions;
