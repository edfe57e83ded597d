import { ErrorCode } from '@cll/domain';
import { fail } from '@sveltejs/kit';
import type { FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { withStepUp } from '$lib/server/second-factor.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = (event) => {
  requireUser(event);
  return {};
};

/** A bureau administrator closes a resident's account on a request made in person (step-up; the API checks role). */
export const actions = {
  close: async (event) => {
    requireUser(event);
    const form = await event.request.formData();
    const values = readText(form, ['account', 'reason']);
    const errors: FormErrors = {};
    if (!values.account) errors.account = { key: 'validation.required' };
    if (values.reason.length < 4) errors.reason = { key: 'closure.inPerson.reasonRequired' };
    if (Object.keys(errors).length) return fail(400, { values, errors });
    const outcome = await withStepUp(event, form, values, () =>
      api(event).POST('/api/admin/account-closures', { body: values }),
    );
    if (!('result' in outcome)) return outcome;
    const { result } = outcome;
    if (!result.data) {
      return apiFailure(result, values, {
        [ErrorCode.NotFound]: 'account',
        [ErrorCode.AccountClosed]: 'account',
        [ErrorCode.AccountHasStaffRoles]: 'account',
      });
    }
    return { closed: result.data };
  },
} satisfies Actions;
