import { shanghaiDate } from '$lib/datetime.js';
import { confirmAgreement, loadAgreement, loadWeeks, recordAssessment } from '$lib/server/apprenticeship.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad, RequestEvent } from './$types.js';

/** The company's view of one apprentice's agreement: terms, the company's confirmation, the log, assessments. */
export const load: PageServerLoad = async (event) => {
  const { id } = event.params;
  const [agreement, weeks] = await Promise.all([loadAgreement(event, id), loadWeeks(event, id)]);
  return { today: shanghaiDate(new Date().toISOString()), agreement, weeks: weeks.map((w) => ({ ...w })) };
};

const back = (event: RequestEvent) => (done: string) => {
  const params = new URLSearchParams({ done });
  const enterprise = event.url.searchParams.get('enterprise');
  if (enterprise) params.set('enterprise', enterprise);
  return `/mentor/apprentices/${event.params.id}?${params.toString()}`;
};

export const actions = {
  confirm: async (event) => {
    requireUser(event);
    return confirmAgreement(event, back(event));
  },
  assess: async (event) => {
    requireUser(event);
    return recordAssessment(event, back(event));
  },
} satisfies Actions;
