import { error } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { throwApiError } from '$lib/server/errors.js';
import { requireProvider } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { PageServerLoad } from './$types.js';

/** A roster import's progress; the page asks again every 2 seconds while the job is queued or running. */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const provider = requireProvider((await event.parent()).current);
  const { sessionId, importId } = event.params;
  if (!isUuid(sessionId) || !isUuid(importId)) error(404, { message: 'error.NOT_FOUND' });
  const result = await api(event).GET('/api/roster-imports/{id}', { params: { path: { id: importId } } });
  if (!result.data) throwApiError(result, event.url);
  const job = result.data;
  if (job.sessionId !== sessionId) error(404, { message: 'error.NOT_FOUND' });
  const course = event.url.searchParams.get('course');
  return {
    providerId: provider.id,
    courseId: course && isUuid(course) ? course : null,
    sessionId,
    job: {
      id: job.id,
      status: job.status,
      total: job.total,
      processed: job.processed,
      enrolled: job.enrolled,
      waitlisted: job.waitlisted,
      rejected: job.rejected,
      rejectedRows: job.rejectedRows.map((r) => ({ ...r })),
    },
  };
};
