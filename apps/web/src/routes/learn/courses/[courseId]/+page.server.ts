import { loadPlayer, playerSummary } from '$lib/server/player.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  return playerSummary(await loadPlayer(event, event.params.courseId));
};
