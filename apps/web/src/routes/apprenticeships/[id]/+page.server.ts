import { redirect } from '@sveltejs/kit';
import { agreementHome } from '$lib/apprenticeship.js';
import { loadAgreement } from '$lib/server/apprenticeship.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

const ISO_WEEK = /^\d{4}-W\d{2}$/;

/**
 * The link in notifications about an agreement: it opens the agreement where the reader works on it, the school's,
 * the company's or the apprentice's page (`?week=` is passed on to the apprentice's log).
 */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const agreement = await loadAgreement(event, event.params.id);
  const week = event.url.searchParams.get('week');
  redirect(303, agreementHome(agreement.id, agreement, week && ISO_WEEK.test(week) ? week : null));
};
