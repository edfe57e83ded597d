import { fail, redirect } from '@sveltejs/kit';
import { normaliseCode } from '$lib/account-form.js';
import type { FormErrors } from '$lib/forms.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { FACTOR_COOKIE, pendingFactor } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const destination = (url: URL) => safeNextPath(url.searchParams.get('next')) ?? '/profile';
const RECOVERY = /^[0-9A-Za-z]{5}[\s-]?[0-9A-Za-z]{5}$/;

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  // Nothing to enter (already passed, or no app set up): on to where the user was going.
  if ((await pendingFactor(event)) !== 'code') redirect(303, destination(event.url));
  return { recovery: event.url.searchParams.get('recovery') === '1' };
};

/** The second step of a staff sign-in: the authenticator's code, or one of the recovery codes. */
export const actions = {
  default: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ['code', 'recoveryCode']);
    const errors: FormErrors = {};
    const usingRecovery = form.has('recoveryCode');
    let body: { code?: string; recoveryCode?: string };
    if (usingRecovery) {
      const recoveryCode = values.recoveryCode.trim();
      if (!recoveryCode) errors.recoveryCode = { key: 'validation.required' };
      else if (!RECOVERY.test(recoveryCode)) errors.recoveryCode = { key: 'error.MFA_CODE_INVALID' };
      body = { recoveryCode };
    } else {
      const code = normaliseCode(values.code);
      if (!code) errors.code = { key: 'validation.required' };
      else if (!/^\d{6}$/.test(code)) errors.code = { key: 'validation.totpCode' };
      body = { code };
    }
    if (Object.keys(errors).length) return fail(400, { values: { code: '', recoveryCode: '' }, errors });
    const result = await api(event).POST('/api/auth/mfa/verify', { body });
    if (!result.data) {
      const field = usingRecovery ? 'recoveryCode' : 'code';
      return apiFailure(
        result,
        { code: '', recoveryCode: '' },
        { MFA_CODE_INVALID: field, MFA_CODE_USED: field, VALIDATION_FAILED: field },
      );
    }
    event.cookies.delete(FACTOR_COOKIE, { path: '/' });
    redirect(303, destination(event.url));
  },
} satisfies Actions;
