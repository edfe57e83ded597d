import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

/** The confirmation after a bureau administrator unpublished a course. */
export const load: PageServerLoad = (event) => {
  requireUser(event);
  return {};
};
