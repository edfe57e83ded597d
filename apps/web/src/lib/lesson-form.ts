import { LESSON_KINDS, LessonKind } from '@cll/domain';
import { checkMaxLength, readNumber, requireFields } from './form-rules.js';
import type { FormErrors } from './forms.js';
import { readQuiz, type Quiz, type QuizDraft } from './quiz-form.js';
import { isOneOf } from './validation.js';

/** A lesson's form: one per kind (text, video, quiz); the kind is a hidden field. */

export const LESSON_FIELDS = ['kind', 'title', 'body', 'videoUrl', 'durationMinutes', 'required'] as const;
export type LessonValues = Record<(typeof LESSON_FIELDS)[number], string>;

export interface LessonFields {
  kind: LessonKind;
  title: string;
  body?: string;
  videoUrl?: string;
  durationMinutes?: number;
  required: boolean;
  quiz?: Quiz;
}

/** The API's limits (apps/api/src/catalogue/dto/lesson.dto.ts). */
export const LESSON_TITLE_MAX = 150;
export const LESSON_BODY_MAX = 50_000;
export const VIDEO_MINUTES_MAX = 600;

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** `questionIndexes` maps the quiz's questions as sent back to the form's question numbers (see quiz-form.ts). */
export function readLessonForm(
  values: LessonValues,
  quizDraft: QuizDraft,
): { errors: FormErrors; fields?: LessonFields; questionIndexes: number[] } {
  const errors: FormErrors = {};
  if (!isOneOf(LESSON_KINDS, values.kind))
    return { errors: { _form: { key: 'validation.isEnum' } }, questionIndexes: [] };
  const kind = values.kind;
  requireFields(values, ['title'], errors);
  checkMaxLength(values.title, LESSON_TITLE_MAX, 'title', errors);
  let durationMinutes: number | undefined;
  let quiz: Quiz | undefined;
  let questionIndexes: number[] = [];
  switch (kind) {
    case LessonKind.Text:
      requireFields(values, ['body'], errors);
      checkMaxLength(values.body, LESSON_BODY_MAX, 'body', errors);
      break;
    case LessonKind.Video:
      requireFields(values, ['videoUrl'], errors);
      if (values.videoUrl && !isHttpsUrl(values.videoUrl)) errors.videoUrl = { key: 'validation.httpsUrl' };
      durationMinutes = readNumber(values.durationMinutes, 'durationMinutes', errors, {
        min: 1,
        max: VIDEO_MINUTES_MAX,
        integer: true,
      });
      break;
    case LessonKind.Quiz: {
      const read = readQuiz(quizDraft);
      Object.assign(errors, read.errors);
      quiz = read.quiz;
      questionIndexes = read.questionIndexes;
      break;
    }
  }
  if (Object.keys(errors).length > 0) return { errors, questionIndexes };
  return {
    errors,
    questionIndexes,
    fields: {
      kind,
      title: values.title,
      body: kind === LessonKind.Text ? values.body : undefined,
      videoUrl: kind === LessonKind.Video ? values.videoUrl : undefined,
      durationMinutes,
      required: values.required === 'true',
      quiz,
    },
  };
}
