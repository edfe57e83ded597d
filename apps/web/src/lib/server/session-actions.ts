import { ErrorCode } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasErrors } from '../forms.js';
import { readSessionForm, SESSION_FIELDS, weekdaysValue } from '../session-form.js';
import { api } from './api.js';
import { apiFailure } from './errors.js';
import { readText } from './form-data.js';
import { backTo } from './provider-context.js';
import { requireUser } from './session.js';

const FIELD_OF_CODE = {
  [ErrorCode.SessionEndsBeforeStart]: 'endsAt',
  [ErrorCode.EnrolmentWindowInvalid]: 'enrolmentClosesAt',
  [ErrorCode.SessionPlaceRequired]: 'venue',
  [ErrorCode.TownshipUnknown]: 'townshipCode',
  [ErrorCode.VillageUnknown]: 'villageCode',
  [ErrorCode.SessionScheduleInvalid]: 'classWeekdays',
};

/** Adds a session (no `sessionId` in the route) or changes one, then goes back to the course editor. */
export async function saveSession(event: RequestEvent<{ id: string; sessionId?: string }>) {
  requireUser(event);
  const form = await event.request.formData();
  const { values, errors, fields } = readSessionForm({
    ...readText(form, SESSION_FIELDS),
    classWeekdays: weekdaysValue(form),
  });
  if (hasErrors(errors) || !fields) return fail(400, { values, errors });

  const { id: courseId, sessionId } = event.params;
  const client = api(event);
  const result = sessionId
    ? await client.PATCH('/api/sessions/{id}', { params: { path: { id: sessionId } }, body: fields })
    : await client.POST('/api/courses/{id}/sessions', { params: { path: { id: courseId } }, body: fields });
  if (!result.data) return apiFailure(result, values, FIELD_OF_CODE);
  const providerId = event.url.searchParams.get('provider') ?? '';
  const done = sessionId ? 'sessionSaved' : 'sessionAdded';
  redirect(303, backTo(`/provider/courses/${courseId}`, providerId, done, `#session-${result.data.id}`));
}
