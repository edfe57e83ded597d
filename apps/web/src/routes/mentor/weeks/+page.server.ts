import { loadWeeksToSign, returnWeek, signWeeks } from '$lib/server/apprenticeship.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types.js';

/** The company mentor's signatures: the workplace hours of the weeks the apprentices I mentor have submitted. */
export const load: PageServerLoad = async (event) => {
  const { current } = await event.parent();
  return { weeks: current ? await loadWeeksToSign(event, 'workplace') : [] };
};

const back = (event: RequestEvent) => (done: string) => {
  const params = new URLSearchParams({ done });
  const enterprise = event.url.searchParams.get('enterprise');
  if (enterprise) params.set('enterprise', enterprise);
  return `/mentor/weeks?${params.toString()}`;
};

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
