import { error, redirect } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { inviteToEnterprise, loadEnterpriseMembers, loadEnterprises } from '$lib/server/apprenticeship.js';
import { backTo, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

/** A company's mentors and administrators; the school's coordinators invite the mentors it works with. */
export const load: PageServerLoad = async (event) => {
  const provider = requireProvider((await event.parent()).current);
  const { id } = event.params;
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  // The API has no read of one company: its name comes from the list.
  const [enterprises, members] = await Promise.all([
    loadEnterprises(event),
    loadEnterpriseMembers(event, id),
  ]);
  return {
    providerId: provider.id,
    enterprise: { id, name: enterprises.find((e) => e.id === id)?.name ?? '' },
    ...members,
  };
};

export const actions = {
  invite: async (event) => {
    requireUser(event);
    const { failure, invitationId } = await inviteToEnterprise(event, event.params.id);
    if (failure) return failure;
    const provider = event.url.searchParams.get('provider') ?? '';
    redirect(
      303,
      backTo(`/provider/enterprises/${event.params.id}`, provider, 'invited', `#invitation-${invitationId}`),
    );
  },
} satisfies Actions;
