import { error, fail, redirect } from '@sveltejs/kit';
import { checkReason } from '$lib/form-rules.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo } from '$lib/server/provider-context.js';
import { toShanghaiLocalInput } from '$lib/datetime.js';
import { courseHeading, loadCourseDetail } from '$lib/server/course-editor.js';
import { loadTownshipsWithVillages } from '$lib/server/geo.js';
import { saveSession } from '$lib/server/session-actions.js';
import { requireUser } from '$lib/server/session.js';
import { feeYuan } from '$lib/session-form.js';
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
    cancelled: session.cancelled,
    cancelReason: session.cancelReason,
    enrolledCount: session.enrolledCount,
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
      address: session.address ?? '',
      classWeekdays: session.classWeekdays.join(','),
      classStartTime: session.classStartTime,
      classEndTime: session.classEndTime,
      feeKind: session.feeFen > 0 ? 'paid' : 'free',
      feeYuan: session.feeFen > 0 ? feeYuan(session.feeFen) : '',
      contactPhone: session.contactPhone ?? '',
      enrolmentOpensAt: toShanghaiLocalInput(session.enrolmentOpensAt),
      enrolmentClosesAt: toShanghaiLocalInput(session.enrolmentClosesAt),
    },
  };
};

export const actions = {
  save: saveSession,
  /** Cancelling withdraws everyone in the session and tells them the reason. */
  cancel: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), ['reason']);
    const errors: FormErrors = {};
    checkReason(values.reason, true, errors);
    if (hasErrors(errors)) return fail(400, { cancelValues: values, cancelErrors: errors });
    const result = await api(event).POST('/api/sessions/{id}/cancel', {
      params: { path: { id: event.params.sessionId } },
      body: { reason: values.reason },
    });
    if (!result.response.ok) {
      const failure = apiFailure(result, values, { REASON_REQUIRED: 'reason' });
      return fail(failure.status, { cancelValues: values, cancelErrors: failure.data.errors });
    }
    const providerId = event.url.searchParams.get('provider') ?? '';
    redirect(
      303,
      backTo(`/provider/courses/${event.params.id}`, providerId, 'sessionCancelled', '#sessions'),
    );
  },
} satisfies Actions;
