import { hasEnded } from '$lib/apprenticeship.js';
import { api } from '$lib/server/api.js';
import { loadWeeksToSign } from '$lib/server/apprenticeship.js';
import { throwApiError } from '$lib/server/errors.js';
import type { PageServerLoad } from './$types.js';

/**
 * The company's apprentices: those waiting for the company's confirmation first, then the ones I mentor, then the
 * company's other current ones, then ended.
 */
export const load: PageServerLoad = async (event) => {
  const { current } = await event.parent();
  if (!current) return { groups: null, weeksToSign: 0 };
  const [agreements, weeks] = await Promise.all([
    api(event).GET('/api/apprenticeships'),
    loadWeeksToSign(event, 'workplace'),
  ]);
  if (!agreements.data) throwApiError(agreements, event.url);
  const mine = agreements.data
    .filter((a) => a.enterpriseId === current.id)
    .map((a) => ({
      id: a.id,
      apprenticeName: a.apprenticeName,
      occupationName: a.occupationName,
      providerName: a.providerName,
      enterpriseMentorName: a.enterpriseMentorName,
      mentoredByMe: a.enterpriseMentorUserId === event.locals.user?.id,
      schoolMentorName: a.schoolMentorName,
      state: a.state,
      version: a.version,
      startDate: a.startDate,
      plannedEndDate: a.plannedEndDate,
      pendingParties: a.pendingParties,
      signedWorkplaceHours: a.signedWorkplaceHours,
      plannedWorkplaceHours: a.plannedWorkplaceHours,
      weeksToSign: a.weeksToSign,
    }));
  const toConfirm = mine.filter((a) => a.state === 'pending' && a.pendingParties.includes('enterprise'));
  return {
    groups: {
      toConfirm,
      mine: mine.filter((a) => !hasEnded(a.state) && !toConfirm.includes(a) && a.mentoredByMe),
      current: mine.filter((a) => !hasEnded(a.state) && !toConfirm.includes(a) && !a.mentoredByMe),
      ended: mine.filter((a) => hasEnded(a.state)),
    },
    weeksToSign: weeks.length,
  };
};
