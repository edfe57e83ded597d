import { ErrorCode } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Schemas } from '@cll/api-client';
import { api } from '$lib/server/api.js';
import { type ApiResult, errorMessage, failStatus, readApiError, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import { isOneOf } from '$lib/validation.js';
import type { Actions, PageServerLoad } from './$types.js';

type Queue = Schemas['QueueName'];
const QUEUE_NAMES = [
  'notifications',
  'certificates',
  'imports',
  'maintenance',
] as const satisfies readonly Queue[];
// Fails the type-check when the API gains a queue this list lacks.
const everyQueue: Queue extends (typeof QUEUE_NAMES)[number] ? true : never = true;
void everyQueue;

/** The job queues for bureau administrators; the API refuses everyone else (403, shown on the error page). */
export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const result = await api(event).GET('/api/admin/queues');
  if (!result.data) throwApiError(result, event.url);
  return { queues: result.data.queues };
};

async function readJob(event: RequestEvent) {
  requireUser(event);
  return readText(await event.request.formData(), ['queue', 'jobId']);
}

/** A refused action is shown beside the job it was about, with the queue as it is now. */
function refused(result: ApiResult, target: string) {
  const apiError = readApiError(result);
  // "Not found" here means the job left the queue (removed by someone else), not a missing page.
  const actionError =
    apiError.code === ErrorCode.NotFound ? { key: 'queues.job.gone' } : errorMessage(apiError);
  return fail(failStatus(apiError.status), { target, actionError });
}

const invalid = (target: string) => fail(400, { target, actionError: { key: 'error.VALIDATION_FAILED' } });

export const actions = {
  retry: async (event) => {
    const { queue, jobId } = await readJob(event);
    if (!isOneOf(QUEUE_NAMES, queue)) return invalid(`${queue}/${jobId}`);
    const result = await api(event).POST('/api/admin/queues/{queue}/jobs/{jobId}/retry', {
      params: { path: { queue, jobId } },
    });
    if (!result.data) return refused(result, `${queue}/${jobId}`);
    redirect(303, `/admin/queues?done=jobRetried#queue-${queue}`);
  },
  remove: async (event) => {
    const { queue, jobId } = await readJob(event);
    if (!isOneOf(QUEUE_NAMES, queue)) return invalid(`${queue}/${jobId}`);
    const result = await api(event).DELETE('/api/admin/queues/{queue}/jobs/{jobId}', {
      params: { path: { queue, jobId } },
    });
    if (!result.data) return refused(result, `${queue}/${jobId}`);
    redirect(303, `/admin/queues?done=jobRemoved#queue-${queue}`);
  },
} satisfies Actions;
