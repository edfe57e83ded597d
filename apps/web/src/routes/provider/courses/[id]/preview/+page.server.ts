import { loadCourseDetail } from '$lib/server/course-editor.js';
import { previewCourseView } from '$lib/server/course-page.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

/** The course as the public page would show it, from the staff view (so drafts can be previewed). */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const course = await loadCourseDetail(event, event.params.id);
  return {
    id: course.id,
    providerId: course.providerId,
    status: course.status,
    course: previewCourseView(course),
  };
};
