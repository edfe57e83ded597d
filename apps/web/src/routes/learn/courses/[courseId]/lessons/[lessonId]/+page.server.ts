import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasErrors } from '$lib/forms.js';
import { renderMarkdown } from '$lib/markdown.js';
import { readQuizAnswers } from '$lib/quiz-answers.js';
import type { Schemas } from '@cll/api-client';
import { api } from '$lib/server/api.js';
import { apiFailure } from '$lib/server/errors.js';
import { loadPlayer, playerSummary } from '$lib/server/player.js';
import { requireUser } from '$lib/server/session.js';
import type { Actions, PageServerLoad } from './$types.js';

type LessonEvent = RequestEvent<{ courseId: string; lessonId: string }>;

async function loadLesson(event: LessonEvent) {
  const player = await loadPlayer(event, event.params.courseId);
  const lesson = player.lessons.find((l) => l.id === event.params.lessonId);
  if (!lesson) error(404, { message: 'error.NOT_FOUND' });
  return { player, lesson };
}

function lessonView(lesson: Schemas['PlayerLesson']) {
  return {
    id: lesson.id,
    position: lesson.position,
    kind: lesson.kind,
    title: lesson.title,
    required: lesson.required,
    durationMinutes: lesson.durationMinutes,
    bodyHtml: lesson.kind === 'text' && lesson.body ? renderMarkdown(lesson.body) : null,
    videoUrl: lesson.kind === 'video' ? lesson.videoUrl : null,
    quiz: lesson.kind === 'quiz' && lesson.quiz ? lesson.quiz : null,
    completed: lesson.progress.completed,
    bestScore: lesson.progress.bestScore,
    attempts: lesson.progress.attempts,
    evidence: { ...lesson.progress.evidence },
  };
}

export const load: PageServerLoad = async (event) => {
  requireUser(event);
  const { player, lesson } = await loadLesson(event);
  const view = lessonView(lesson);
  if (lesson.kind !== 'quiz' && !lesson.progress.completed) {
    // Opening the page is the first report: the reading time of a text lesson counts from here. A failed report
    // (the API busy) leaves the page usable; the next report or "I have finished" carries on.
    const opened = await api(event).PUT('/api/me/lessons/{lessonId}/progress', {
      params: { path: { lessonId: lesson.id } },
      body: { completed: false },
    });
    if (opened.data) view.evidence = { ...opened.data.evidence };
  }
  return { ...playerSummary(player), lesson: view };
};

export const actions = {
  /** Text and video lessons: the learner says they have finished (saying it twice changes nothing). */
  complete: async (event) => {
    requireUser(event);
    const { courseId, lessonId } = event.params;
    const result = await api(event).PUT('/api/me/lessons/{lessonId}/progress', {
      params: { path: { lessonId } },
      body: { completed: true },
    });
    if (!result.data) return apiFailure(result, {});
    const done = result.data.courseCompleted ? 'courseCompleted' : 'lessonDone';
    redirect(303, `/learn/courses/${courseId}/lessons/${lessonId}?done=${done}`);
  },

  /** A quiz: the score is shown on the page, with the form again to try once more. */
  quiz: async (event) => {
    requireUser(event);
    const { lesson } = await loadLesson(event);
    if (!lesson.quiz) error(404, { message: 'error.NOT_FOUND' });
    const { answers, errors } = readQuizAnswers(await event.request.formData(), lesson.quiz.questions);
    if (hasErrors(errors)) return fail(400, { values: { answers }, errors });
    const result = await api(event).POST('/api/me/lessons/{lessonId}/quiz-attempts', {
      params: { path: { lessonId: lesson.id } },
      body: { answers },
    });
    if (!result.data) return apiFailure(result, { answers });
    return { quizResult: { ...result.data } };
  },
} satisfies Actions;
