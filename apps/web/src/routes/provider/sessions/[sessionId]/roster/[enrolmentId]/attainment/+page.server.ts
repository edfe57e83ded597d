import { ATTAINMENT_LEVELS, ErrorCode } from '@cll/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { checkChoice, requireFields } from '$lib/form-rules.js';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/**
 * A learner's attainment history, reached from a session's roster, and its correction with a reason. The API decides
 * whose enrolments the staff member may see (their own providers'); anyone else's reads as not found.
 */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const provider = requireProvider((await event.parent()).current);
  const { sessionId, enrolmentId } = event.params;
  if (!isUuid(sessionId) || !isUuid(enrolmentId)) error(404, 'attainmentCorrection.notFound');
  const result = await api(event).GET('/api/enrolments/{enrolmentId}/attainment', {
    params: { path: { enrolmentId } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    providerId: provider.id,
    sessionId,
    saved: event.url.searchParams.get('saved') === '1',
    history: result.data,
  };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const { enrolmentId } = event.params;
    if (!isUuid(enrolmentId)) error(404, 'attainmentCorrection.notFound');
    const values = readText(await event.request.formData(), ['attainment', 'reason']);
    const errors: FormErrors = {};
    requireFields(values, ['attainment', 'reason'], errors);
    if (values.attainment) checkChoice(values.attainment, ATTAINMENT_LEVELS, 'attainment', errors);
    if (values.reason && (values.reason.length < 4 || values.reason.length > 500)) {
      errors.reason = { key: 'attainmentCorrection.reason.hint' };
    }
    if (hasErrors(errors)) return fail(400, { values, errors });
    const result = await api(event).POST('/api/enrolments/{enrolmentId}/attainment-corrections', {
      params: { path: { enrolmentId } },
      body: { attainment: values.attainment as (typeof ATTAINMENT_LEVELS)[number], reason: values.reason },
    });
    if (!result.data) {
      return apiFailure(result, values, { [ErrorCode.AttainmentUnchanged]: 'attainment' });
    }
    const query = new URLSearchParams(event.url.searchParams);
    for (const key of [...query.keys()]) if (key.startsWith('/')) query.delete(key);
    query.set('saved', '1');
    redirect(303, `${event.url.pathname}?${query.toString()}`);
  },
} satisfies Actions;
