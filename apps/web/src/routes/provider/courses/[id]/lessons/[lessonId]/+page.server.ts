import { error } from '@sveltejs/kit';
import { courseHeading, loadCourseDetail } from '$lib/server/course-editor.js';
import { editQuiz, saveLesson } from '$lib/server/lesson-actions.js';
import { requireUser } from '$lib/server/session.js';
import { quizDraftFrom } from '$lib/quiz-form.js';
import type { Actions, PageServerLoad } from './$types.js';

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const course = await loadCourseDetail(event, event.params.id);
  const lesson = course.lessons.find((l) => l.id === event.params.lessonId);
  if (!lesson) error(404, { message: 'error.NOT_FOUND' });
  return {
    course: courseHeading(course),
    lessonId: lesson.id,
    values: {
      kind: lesson.kind,
      title: lesson.title,
      body: lesson.body ?? '',
      videoUrl: lesson.videoUrl ?? '',
      durationMinutes: lesson.durationMinutes === null ? '' : String(lesson.durationMinutes),
      required: lesson.required ? 'true' : '',
    },
    quiz: quizDraftFrom(lesson.quiz),
  };
};

export const actions = { save: saveLesson, editQuiz } satisfies Actions;
