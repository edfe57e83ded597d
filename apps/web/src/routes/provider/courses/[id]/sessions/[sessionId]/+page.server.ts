import { error } from '@sveltejs/kit';
import { toShanghaiLocalInput } from '$lib/datetime.js';
import { courseHeading, loadCourseDetail } from '$lib/server/course-editor.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { saveSession } from '$lib/server/session-actions.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const [course, townships] = await Promise.all([
    loadCourseDetail(event, event.params.id),
    loadTownshipsWithVillages(event),
  ]);
  const session = course.sessions.find((s) => s.id === event.params.sessionId);
  if (!session) error(404, { message: 'error.NOT_FOUND' });
  return {
    course: courseHeading(course),
    sessionId: session.id,
    townships,
    values: {
      label: session.label,
      startsAt: toShanghaiLocalInput(session.startsAt),
      endsAt: toShanghaiLocalInput(session.endsAt),
      capacity: String(session.capacity),
      classCount: String(session.classCount),
      online: session.online ? 'true' : '',
      townshipCode: session.townshipCode ?? '',
      villageCode: session.villageCode ?? '',
      venue: session.venue ?? '',
      enrolmentOpensAt: toShanghaiLocalInput(session.enrolmentOpensAt),
      enrolmentClosesAt: toShanghaiLocalInput(session.enrolmentClosesAt),
    },
  };
};

export const actions = { save: saveSession } satisfies Actions;
