import { fail } from '@sveltejs/kit';
import { normaliseCode } from '$lib/account-form.js';
import type { FormErrors } from '$lib/forms.js';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { FACTOR_COOKIE } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const QR = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;
const SECRET = /^[A-Z2-7]{16,64}$/;

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const status = await api(event).GET('/api/auth/mfa');
  if (!status.data) throwApiError(status, event.url);
  // Once set up there is nothing to enrol (the page still shows the recovery codes right after confirming).
  return {
    enrolled: status.data.enrolled,
    required: status.data.required,
    next: safeNextPath(event.url.searchParams.get('next')) ?? '/account/security',
  };
};

/** Setting up the authenticator: a QR code to scan, then its first code confirms it; recovery codes are shown once. */
export const actions = {
  start: async (event) => {
    requireUser(event);
    const result = await api(event).POST('/api/auth/mfa/enrolment');
    if (!result.data) return apiFailure(result, {});
    return { enrolment: { secret: result.data.secret, qr: result.data.qrDataUrl } };
  },
  confirm: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ['code', 'secret', 'qr']);
    // The QR code and key come back with the form so a wrong code can be typed again under them.
    const enrolment =
      SECRET.test(values.secret) && QR.test(values.qr) ? { secret: values.secret, qr: values.qr } : null;
    const code = normaliseCode(values.code);
    const errors: FormErrors = {};
    if (!code) errors.code = { key: 'validation.required' };
    else if (!/^\d{6}$/.test(code)) errors.code = { key: 'validation.totpCode' };
    if (Object.keys(errors).length) return fail(400, { enrolment, errors });
    const result = await api(event).POST('/api/auth/mfa/enrolment/confirm', { body: { code } });
    if (!result.data) {
      const failed = apiFailure(result, {}, { MFA_CODE_INVALID: 'code', VALIDATION_FAILED: 'code' });
      return fail(failed.status, { ...failed.data, enrolment });
    }
    event.cookies.delete(FACTOR_COOKIE, { path: '/' });
    return { recoveryCodes: result.data.recoveryCodes };
  },
} satisfies Actions;
