import { ErrorCode } from '@cll/domain';
import { fail, redirect } from '@sveltejs/kit';
import { api } from '$lib/server/api.js';
import { errorMessage, failStatus, readApiError, throwApiError } from '$lib/server/errors.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/**
 * An invitation to work for a provider or a company; the invitee must be signed in with the mobile or e-mail it was
 * sent to.
 */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/invitations/{code}', {
    params: { path: { code: event.params.code } },
  });
  if (result.data) return { invitation: { ...result.data } };
  if (readApiError(result).code === ErrorCode.InvitationInvalid) return { invitation: null };
  throwApiError(result, event.url);
};

export const actions = {
  accept: async (event) => {
    requireUser(event);
    const { code } = event.params;
    const client = api(event);
    const preview = await client.GET('/api/invitations/{code}', { params: { path: { code } } });
    const result = await client.POST('/api/invitations/{code}/accept', { params: { path: { code } } });
    if (!result.response.ok) {
      const apiError = readApiError(result);
      return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
    }
    // A company's mentor or administrator goes on to the mentor area.
    if (preview.data?.organisationKind === 'enterprise') redirect(303, '/mentor?done=enterpriseJoined');
    // Open the provider area on the organisation just joined (the answer names no id, so find it by name).
    const mine = await client.GET('/api/me/providers');
    const joined = mine.data?.find((p) => p.name === preview.data?.organisationName);
    const params = new URLSearchParams({ done: 'invitationAccepted' });
    if (joined) params.set('provider', joined.id);
    redirect(303, `/provider?${params.toString()}`);
  },
} satisfies Actions;
