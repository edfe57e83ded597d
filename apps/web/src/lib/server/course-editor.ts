import type { Schemas } from '@cll/api-client';
import { error, type RequestEvent } from '@sveltejs/kit';
import { isUuid } from '../ids.js';
import { api } from './api.js';
import { throwApiError } from './errors.js';

/** The staff view of a course (with lessons, quiz answers and sessions); another provider's course answers 404. */
export async function loadCourseDetail(event: RequestEvent, id: string): Promise<Schemas['CourseDetail']> {
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/courses/{id}', { params: { path: { id } } });
  if (!result.data) throwApiError(result, event.url);
  return result.data;
}

/** The course's heading data that every editor page shows. */
export function courseHeading(course: Schemas['CourseDetail']) {
  return { id: course.id, providerId: course.providerId, title: course.title, status: course.status };
}
