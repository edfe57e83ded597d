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
  return {
    course: courseHeading(course),
    sessionId: null,
    townships,
    values: {
      label: '',
      startsAt: '',
      endsAt: '',
      capacity: '',
      classCount: '',
      online: course.mode === 'online' ? 'true' : '',
      townshipCode: '',
      villageCode: '',
      venue: '',
      address: '',
      classWeekdays: '',
      classStartTime: '',
      classEndTime: '',
      feeKind: 'free',
      feeYuan: '',
      contactPhone: '',
      enrolmentOpensAt: '',
      enrolmentClosesAt: '',
    },
  };
};

export const actions = { save: saveSession } satisfies Actions;
