import { redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { inviteToEnterprise, loadEnterpriseMembers } from '$lib/server/apprenticeship.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** A company administrator's team: the company's mentors and administrators, and invitations to join. */
export const load: PageServerLoad = async (event) => {
  const { current } = await event.parent();
  if (!current?.admin) redirect(303, '/mentor');
  return { enterpriseId: current.id, ...(await loadEnterpriseMembers(event, current.id)) };
};

export const actions = {
  /** The company is the one in the action's URL, or the user's own; the API checks they administer it. */
  invite: async (event) => {
    const user = requireUser(event);
    const wanted = event.url.searchParams.get('enterprise') ?? '';
    const enterpriseId = isUuid(wanted)
      ? wanted
      : (user.roles.find((g) => g.role === 'enterprise_admin' && g.enterpriseId)?.enterpriseId ?? '');
    const { failure, invitationId } = await inviteToEnterprise(event, enterpriseId);
    if (failure) return failure;
    const params = new URLSearchParams({ done: 'invited' });
    if (isUuid(wanted)) params.set('enterprise', wanted);
    redirect(303, `/mentor/team?${params.toString()}#invitation-${invitationId}`);
  },
} satisfies Actions;
