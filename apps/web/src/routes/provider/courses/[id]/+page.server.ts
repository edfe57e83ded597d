import { ErrorCode } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { COURSE_FIELDS, readCourseForm } from '$lib/course-forms.js';
import { hasErrors } from '$lib/forms.js';
import { api } from '$lib/server/api.js';
import { reorderedLessonIds } from '$lib/lesson-order.js';
import { loadCourseDetail } from '$lib/server/course-editor.js';
import { apiFailure, errorMessage, failStatus, readApiError, type ApiResult } from '$lib/server/errors.js';
import { readText } from '$lib/server/form-data.js';
import { backTo } from '$lib/server/provider-context.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const course = await loadCourseDetail(event, event.params.id);
  return {
    course: {
      id: course.id,
      providerId: course.providerId,
      title: course.title,
      status: course.status,
      unpublishedReason: course.unpublishedReason,
      programmeTitle: course.programme.title,
      programmeKind: course.programme.kind,
    },
    values: {
      programmeId: course.programme.id,
      title: course.title,
      titleEn: course.titleEn ?? '',
      category: course.category,
      mode: course.mode,
      studyHours: String(course.studyHours),
      credits: String(course.credits),
      minAge: course.minAge === null ? '' : String(course.minAge),
      maxAge: course.maxAge === null ? '' : String(course.maxAge),
      description: course.description,
      coverText: course.coverText,
      videoSharePercent: String(course.videoSharePercent),
      textMinSeconds: String(course.textMinSeconds),
    },
    lessons: [...course.lessons]
      .sort((a, b) => a.position - b.position)
      .map((l) => ({ id: l.id, position: l.position, kind: l.kind, title: l.title, required: l.required })),
    sessions: course.sessions.map((s) => ({
      id: s.id,
      label: s.label,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      capacity: s.capacity,
      enrolledCount: s.enrolledCount,
      online: s.online,
      townshipName: s.townshipName,
      villageName: s.villageName,
      venue: s.venue,
      enrolmentOpensAt: s.enrolmentOpensAt,
      enrolmentClosesAt: s.enrolmentClosesAt,
      cancelled: s.cancelled,
    })),
  };
};

/**
 * After a change, back to this editor with a notice; the hash scrolls to what changed. The forms post to URLs that
 * name the course's provider (see actionHref), which the editor keeps.
 */
function done(event: RequestEvent<{ id: string }>, what: string, hash = ''): never {
  const providerId = event.url.searchParams.get('provider') ?? '';
  redirect(303, backTo(`/provider/courses/${event.params.id}`, providerId, what, hash));
}

/** The buttons without fields (publish, archive, move, delete) report a refusal at the top of the page. */
function refused(result: ApiResult) {
  const apiError = readApiError(result);
  return fail(failStatus(apiError.status), { actionError: errorMessage(apiError) });
}

/** Archiving and deleting cannot be undone: the first press asks (the page shows what), the second one acts. */
async function readConfirmation(event: RequestEvent) {
  const { targetId, name, confirm } = readText(await event.request.formData(), [
    'targetId',
    'name',
    'confirm',
  ]);
  return { targetId, name, confirmed: confirm === 'yes' };
}

export const actions = {
  save: async (event) => {
    requireUser(event);
    const values = readText(await event.request.formData(), COURSE_FIELDS);
    const { errors, fields } = readCourseForm(values, false);
    if (hasErrors(errors) || !fields) return fail(400, { values, errors });
    const result = await api(event).PATCH('/api/courses/{id}', {
      params: { path: { id: event.params.id } },
      body: fields,
    });
    if (!result.data) return apiFailure(result, values);
    done(event, 'courseSaved', '#details');
  },

  publish: async (event) => {
    requireUser(event);
    const result = await api(event).POST('/api/courses/{id}/publish', {
      params: { path: { id: event.params.id } },
    });
    if (result.data) done(event, 'coursePublished');
    const apiError = readApiError(result);
    if (apiError.code === ErrorCode.CourseNotPublishable) {
      return fail(422, { problems: apiError.problems });
    }
    return refused(result);
  },

  archive: async (event) => {
    requireUser(event);
    const { name, confirmed } = await readConfirmation(event);
    if (!confirmed) return { confirm: { action: 'archive', targetId: '', name } };
    const result = await api(event).POST('/api/courses/{id}/archive', {
      params: { path: { id: event.params.id } },
    });
    if (!result.data) return refused(result);
    done(event, 'courseArchived');
  },

  moveLesson: async (event) => {
    requireUser(event);
    const { lessonId, direction } = readText(await event.request.formData(), ['lessonId', 'direction']);
    const course = await loadCourseDetail(event, event.params.id);
    const lessonIds = reorderedLessonIds(course.lessons, lessonId, direction);
    if (lessonIds) {
      const result = await api(event).PUT('/api/courses/{id}/lesson-order', {
        params: { path: { id: course.id } },
        body: { lessonIds },
      });
      if (!result.data) return refused(result);
    }
    done(event, 'lessonMoved', `#lesson-${lessonId}`);
  },

  deleteLesson: async (event) => {
    requireUser(event);
    const { targetId, name, confirmed } = await readConfirmation(event);
    if (!confirmed) return { confirm: { action: 'deleteLesson', targetId, name } };
    const result = await api(event).DELETE('/api/lessons/{id}', { params: { path: { id: targetId } } });
    if (!result.response.ok) return refused(result);
    done(event, 'lessonDeleted', '#lessons');
  },

  deleteSession: async (event) => {
    requireUser(event);
    const { targetId, name, confirmed } = await readConfirmation(event);
    if (!confirmed) return { confirm: { action: 'deleteSession', targetId, name } };
    const result = await api(event).DELETE('/api/sessions/{id}', { params: { path: { id: targetId } } });
    if (!result.response.ok) return refused(result);
    done(event, 'sessionDeleted', '#sessions');
  },
} satisfies Actions;
