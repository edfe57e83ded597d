import { json } from '@sveltejs/kit';
import { isUuid } from '$lib/ids.js';
import { api } from '$lib/server/api.js';
import { readApiError } from '$lib/server/errors.js';
import type { RequestHandler } from './$types.js';

/**
 * The lesson page's reports while it is open: a video's playing position every few seconds, or that a text lesson
 * is still being read. The API checks them against its own clock; this only passes them on with the learner's token.
 */
export const POST: RequestHandler = async (event) => {
  const { lessonId } = event.params;
  if (!event.locals.user || !isUuid(lessonId)) return json({ code: 'NOT_FOUND' }, { status: 404 });
  let body: unknown;
  try {
    body = await event.request.json();
  } catch {
    return json({ code: 'MALFORMED_JSON' }, { status: 400 });
  }
  const raw =
    typeof body === 'object' && body !== null ? (body as { position?: unknown }).position : undefined;
  const position = typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : undefined;
  const result = await api(event).PUT('/api/me/lessons/{lessonId}/progress', {
    params: { path: { lessonId } },
    body: { completed: false, ...(position !== undefined ? { position } : {}) },
  });
  if (!result.data) {
    const apiError = readApiError(result);
    return json({ code: apiError.code }, { status: apiError.status });
  }
  const { completed, evidence, courseCompleted } = result.data;
  return json({ completed, evidence, courseCompleted });
};
