import { ErrorCode, LessonKind } from '@cll/domain';
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { hasErrors } from '../forms.js';
import { LESSON_FIELDS, readLessonForm } from '../lesson-form.js';
import { addOption, addQuestion, quizFieldOnForm, readQuizDraft } from '../quiz-form.js';
import { api } from './api.js';
import { failStatus, formErrorsFrom, readApiError } from './errors.js';
import { readText } from './form-data.js';
import { backTo } from './provider-context.js';
import { requireUser } from './session.js';

/** Which field a content error belongs beside, by lesson kind. */
const CONTENT_FIELD: Record<string, string> = {
  [LessonKind.Text]: 'body',
  [LessonKind.Video]: 'videoUrl',
  [LessonKind.Quiz]: 'quiz',
};

type LessonEvent = RequestEvent<{ id: string; lessonId?: string }>;

/** Adds a lesson (no `lessonId` in the route) or changes one, then goes back to the course editor. */
export async function saveLesson(event: LessonEvent) {
  requireUser(event);
  const form = await event.request.formData();
  const values = readText(form, LESSON_FIELDS);
  const quiz = readQuizDraft(form);
  const { errors, fields, questionIndexes } = readLessonForm(values, quiz);
  if (hasErrors(errors) || !fields) return fail(400, { values, quiz, errors });

  const { id: courseId, lessonId } = event.params;
  const client = api(event);
  const result = lessonId
    ? await client.PATCH('/api/lessons/{id}', { params: { path: { id: lessonId } }, body: fields })
    : await client.POST('/api/courses/{id}/lessons', { params: { path: { id: courseId } }, body: fields });
  if (!result.data) {
    const apiError = readApiError(result);
    // The API numbers the questions it was sent; blank ones were left out, so point back to the form's numbers.
    apiError.fields = apiError.fields.map((f) =>
      f.field.startsWith('quiz') ? { ...f, field: quizFieldOnForm(f.field, questionIndexes) } : f,
    );
    const fieldOfCode = {
      [ErrorCode.LessonContentRequired]: CONTENT_FIELD[fields.kind],
      [ErrorCode.QuizInvalid]: 'quiz',
    };
    return fail(failStatus(apiError.status), { values, quiz, errors: formErrorsFrom(apiError, fieldOfCode) });
  }
  const providerId = event.url.searchParams.get('provider') ?? '';
  redirect(
    303,
    backTo(
      `/provider/courses/${courseId}`,
      providerId,
      lessonId ? 'lessonSaved' : 'lessonAdded',
      `#lesson-${result.data.id}`,
    ),
  );
}

/** "Add question" and "add option": the quiz editor comes back with one more field and everything typed kept. */
export async function editQuiz(event: LessonEvent) {
  requireUser(event);
  const form = await event.request.formData();
  const values = readText(form, LESSON_FIELDS);
  const draft = readQuizDraft(form);
  const change = form.get('quizChange');
  const option = typeof change === 'string' ? /^option-(\d+)$/.exec(change) : null;
  const quiz =
    change === 'question' ? addQuestion(draft) : option ? addOption(draft, Number(option[1])) : draft;
  return { values, quiz, errors: {} };
}
