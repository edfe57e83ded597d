import { loadWeeksToSign, returnWeek, signWeeks } from '$lib/server/apprenticeship.js';
import { backTo, requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types.js';

/** The school mentor's signatures: the school hours of the weeks the apprentices I mentor have submitted. */
export const load: PageServerLoad = async (event) => {
  const provider = requireProvider((await event.parent()).current);
  return { providerId: provider.id, weeks: await loadWeeksToSign(event, 'school') };
};

const back = (event: RequestEvent) => (done: string) =>
  backTo('/provider/apprenticeships/weeks', event.url.searchParams.get('provider') ?? '', done);

export const actions = {
  sign: async (event) => {
    requireUser(event);
    return signWeeks(event, back(event));
  },
  return: async (event) => {
    requireUser(event);
    return returnWeek(event, back(event));
  },
} satisfies Actions;
