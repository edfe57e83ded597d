import { ErrorCode, MOBILE_PATTERN, Role } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import type { FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { withStepUp } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const client = api(event);
  const [status, sessions] = await Promise.all([
    client.GET('/api/auth/mfa'),
    client.GET('/api/auth/sessions'),
  ]);
  if (!status.data) throwApiError(status, event.url);
  if (!sessions.data) throwApiError(sessions, event.url);
  return {
    factor: status.data,
    sessions: sessions.data,
    canReset: user.roles.some((r) => r.role === (Role.BureauAdmin as string)),
    ended: event.url.searchParams.get('ended'),
  };
};

/** One's own devices, new recovery codes (step-up), and a bureau administrator's reset of someone's authenticator. */
export const actions = {
  end: async (event) => {
    requireUser(event);
    const { sessionId } = readText(await event.request.formData(), ['sessionId']);
    if (!UUID.test(sessionId)) return fail(400, { errors: { _form: { key: 'error.NOT_FOUND' } } });
    const result = await api(event).POST('/api/auth/sessions/{id}/end', {
      params: { path: { id: sessionId } },
    });
    if (result.error) return apiFailure(result, {});
    redirect(303, '/account/security?ended=1');
  },
  endOthers: async (event) => {
    requireUser(event);
    const result = await api(event).POST('/api/auth/sessions/end-others');
    if (!result.data) return apiFailure(result, {});
    redirect(303, `/account/security?ended=${result.data.ended}&others=1`);
  },
  renew: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const outcome = await withStepUp(event, form, { intent: 'renew' }, () =>
      api(event).POST('/api/auth/mfa/recovery-codes'),
    );
    if (!('result' in outcome)) return outcome;
    if (!outcome.result.data) return apiFailure(outcome.result, {});
    return { recoveryCodes: outcome.result.data.recoveryCodes };
  },
  reset: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ['mobile']);
    values.mobile = values.mobile.replace(/[\s-]/g, '');
    const errors: FormErrors = {};
    if (!values.mobile) errors.mobile = { key: 'validation.required' };
    else if (!MOBILE_PATTERN.test(values.mobile)) errors.mobile = { key: 'validation.isMobilePhone' };
    if (Object.keys(errors).length) return fail(400, { values, errors });
    const outcome = await withStepUp(event, form, values, () =>
      api(event).POST('/api/admin/mfa-resets', { body: { mobile: values.mobile } }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) {
      return apiFailure(result, values, {
        [ErrorCode.NotFound]: 'mobile',
        [ErrorCode.MfaResetOwn]: 'mobile',
        [ErrorCode.MfaNotEnrolled]: 'mobile',
      });
    }
    return { resetDone: result.data.sessionsEnded };
  },
} satisfies Actions;
