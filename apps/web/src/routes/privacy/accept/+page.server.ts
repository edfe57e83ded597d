import { fail, redirect } from '@sveltejs/kit';
import { safeNextPath } from '$lib/safe-redirect.js';
import { api } from '$lib/server/api.js';
import { errorMessage, failStatus, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Asked at sign-in when the privacy notice changed since the user last agreed to it. */
export const load: PageServerLoad = async (event) => {
  const user = requireUser(event);
  const result = await api(event, null).GET('/api/privacy/notice', { params: { query: {} } });
  if (!result.data) throwApiError(result, event.url);
  return { notice: result.data, firstTime: user.privacyNotice.acceptedVersion === null };
};

export const actions = {
  default: async (event) => {
    requireUser(event);
    const { version } = readText(await event.request.formData(), ['version']);
    const result = await api(event).POST('/api/me/privacy-notice', { body: { version } });
    if (!result.data) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
    }
    redirect(303, safeNextPath(event.url.searchParams.get('next') ?? '') || '/profile');
  },
} satisfies Actions;
