import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import type { PageServerLoad } from './$types.js';

/** The provider's dashboard: every course with its state, seats and next session. */
export const load: PageServerLoad = async (event) => {
  const { current } = await event.parent();
  if (!current) return { courses: [] };
  const result = await api(event).GET('/api/providers/{providerId}/courses', {
    params: { path: { providerId: current.id } },
  });
  if (!result.data) throwApiError(result, event.url);
  return {
    courses: result.data.map((c) => ({
      id: c.id,
      providerId: current.id,
      title: c.title,
      programmeTitle: c.programmeTitle,
      status: c.status,
      sessionCount: c.sessionCount,
      lessonCount: c.lessonCount,
      capacity: c.capacity,
      enrolledCount: c.enrolledCount,
      nextSessionStartsAt: c.nextSessionStartsAt,
      unpublishedReason: c.unpublishedReason,
    })),
  };
};
