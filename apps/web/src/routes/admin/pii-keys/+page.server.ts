import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { type ApiResult, errorMessage, failStatus, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Personal-data key versions and rotation runs, for bureau administrators (the API refuses everyone else). */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/admin/pii-rotations');
  if (!result.data) throwApiError(result, event.url);
  return { status: result.data };
};

function refused(result: ApiResult) {
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
}

async function rotationId(event: RequestEvent): Promise<string> {
  requireUser(event);
  return readText(await event.request.formData(), ['id']).id;
}

export const actions = {
  start: async (event) => {
    requireUser(event);
    const result = await api(event).POST('/api/admin/pii-rotations');
    if (!result.data) return refused(result);
    redirect(303, '/admin/pii-keys?done=piiRotationStarted');
  },
  resume: async (event) => {
    const id = await rotationId(event);
    if (!/^[0-9a-f-]{36}$/.test(id)) return fail(400, { actionError: { key: 'error.VALIDATION_FAILED' } });
    const result = await api(event).POST('/api/admin/pii-rotations/{id}/resume', {
      params: { path: { id } },
    });
    if (!result.data) return refused(result);
    redirect(303, '/admin/pii-keys?done=piiRotationResumed');
  },
} satisfies Actions;
