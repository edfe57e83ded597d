import { LESSON_KINDS, LessonKind } from '@cll/domain';
import { courseHeading, loadCourseDetail } from '$lib/server/course-editor.js';
import { editQuiz, saveLesson } from '$lib/server/lesson-actions.js';
import { requireUser } from '$lib/server/session.js';
import { emptyQuizDraft } from '$lib/quiz-form.js';
import { isOneOf } from '$lib/validation.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const course = await loadCourseDetail(event, event.params.id);
  const kind = event.url.searchParams.get('kind') ?? '';
  return {
    course: courseHeading(course),
    lessonId: null,
    values: {
      kind: isOneOf(LESSON_KINDS, kind) ? kind : LessonKind.Text,
      title: '',
      body: '',
      videoUrl: '',
      durationMinutes: '',
      required: 'true',
    },
    quiz: emptyQuizDraft(),
  };
};

export const actions = { save: saveLesson, editQuiz } satisfies Actions;
