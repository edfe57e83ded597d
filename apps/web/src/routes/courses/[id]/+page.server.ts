import { ErrorCode, Role } from '@cll/domain';
import { error, fail, redirect } from '@sveltejs/kit';
import { isActive } from '$lib/enrolment.js';
import { isUuid } from '$lib/ids.js';
import { hasErrors, type FormErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { publicCourseView } from '$lib/server/course-page.js';
import { apiFailure, throwApiError } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { requireUser } from '$lib/server/session.js';
import { checkReason } from '$lib/form-rules.js';
import type { Actions, PageServerLoad } from './$types.js';

/** Who may take a course out of the catalogue (the API checks too). */
const UNPUBLISHING_ROLE: string = Role.BureauAdmin;

/** Why an enrolment was refused, said beside the session's button. */
const ENROL_FIELD_OF_CODE: Partial<Record<string, string>> = {
  [ErrorCode.EnrolmentClosed]: 'sessionId',
  [ErrorCode.EnrolmentAgeNotAllowed]: 'sessionId',
  [ErrorCode.EnrolmentDuplicate]: 'sessionId',
  [ErrorCode.LearnerProfileRequired]: 'sessionId',
  [ErrorCode.NotFound]: 'sessionId',
};

function isBureauAdmin(user: App.Locals['user']): boolean {
  return user?.roles.some((r) => r.role === UNPUBLISHING_ROLE) ?? false;
}

export const load: PageServerLoad = async (event) => {
  const { id } = event.params;
  if (!isUuid(id)) error(404, { message: 'error.NOT_FOUND' });
  const signedIn = event.locals.user !== null;
  // A signed-in resident sees the classes in their own township first.
  const homeTownship = event.locals.user?.profile?.townshipCode ?? null;
  const [result, mine] = await Promise.all([
    api(event, null).GET('/api/catalogue/courses/{id}', {
      params: { path: { id }, query: homeTownship ? { nearTownshipCode: homeTownship } : {} },
    }),
    signedIn ? api(event).GET('/api/me/enrolments') : null,
  ]);
  if (!result.data) throwApiError(result, event.url);
  // The learner's own enrolments only decorate the page: when they cannot be read, the page still shows the course.
  const ofThisCourse = (mine?.data ?? []).filter((e) => e.course.id === id);
  const justMade = ofThisCourse.find((e) => e.id === event.url.searchParams.get('enrolled'));
  return {
    id: result.data.id,
    course: publicCourseView(result.data, homeTownship),
    canUnpublish: isBureauAdmin(event.locals.user),
    signedIn,
    mySessions: Object.fromEntries(
      ofThisCourse
        .filter((e) => isActive(e.status))
        .map((e) => [e.session.id, { status: e.status, waitlistPosition: e.waitlistPosition }]),
    ),
    confirmation: justMade && {
      status: justMade.status,
      waitlistPosition: justMade.waitlistPosition,
      session: { ...justMade.session },
    },
  };
};

export const actions = {
  enrol: async (event) => {
    const { sessionId } = readText(await event.request.formData(), ['sessionId']);
    const coursePath = `/courses/${event.params.id}`;
    if (!event.locals.user && !event.locals.apiUnavailable) {
      // Back to this session's card after signing in; enrolling stays the learner's own second press.
      const next = isUuid(sessionId) ? `${coursePath}#session-${sessionId}` : coursePath;
      redirect(303, `/login?next=${encodeURIComponent(next)}`);
    }
    requireUser(event);
    const values = { sessionId };
    if (!isUuid(sessionId)) return fail(400, { values, errors: { sessionId: { key: 'error.NOT_FOUND' } } });
    const result = await api(event).POST('/api/enrolments', { body: { sessionId } });
    if (!result.data) return apiFailure(result, values, ENROL_FIELD_OF_CODE);
    redirect(303, `${coursePath}?enrolled=${result.data.id}#confirmation`);
  },

  unpublish: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), ['reason']);
    const errors: FormErrors = {};
    checkReason(values.reason, true, errors);
    if (hasErrors(errors)) return fail(400, { values, errors });

    const { id } = event.params;
    const result = await api(event).POST('/api/courses/{id}/unpublish', {
      params: { path: { id } },
      body: { reason: values.reason },
    });
    if (!result.response.ok) return apiFailure(result, values, { REASON_REQUIRED: 'reason' });
    redirect(303, `/courses/${id}/unpublished`);
  },
} satisfies Actions;
