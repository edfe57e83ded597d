import { QUESTION_KINDS, QuestionKind } from '@cll/domain';
import { readNumber } from './form-rules.js';
import type { FormErrors } from './forms.js';

/**
 * The quiz editor works without JavaScript: every question and option is an ordinary field named after the API's
 * property path (`quiz.questions.0.options.2`), and "add question" / "add option" are form actions that send the
 * editor back with one more field. A question left completely blank is dropped, and so are blank options.
 */

export const MAX_QUESTIONS = 50;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
const NEW_QUESTION_OPTIONS = 4;

export interface QuestionDraft {
  prompt: string;
  kind: string;
  options: string[];
  /** Indexes into `options` as shown on the form. */
  correct: number[];
}
export interface QuizDraft {
  passMark: string;
  questions: QuestionDraft[];
}
export interface Quiz {
  passMark: number;
  questions: Array<{ prompt: string; kind: QuestionKind; options: string[]; correct: number[] }>;
}

export function emptyQuestion(): QuestionDraft {
  return {
    prompt: '',
    kind: QuestionKind.Single,
    options: Array<string>(NEW_QUESTION_OPTIONS).fill(''),
    correct: [],
  };
}

export function emptyQuizDraft(): QuizDraft {
  return { passMark: '60', questions: [emptyQuestion()] };
}

/** The editor's fields for a saved quiz (question kinds as the API spells them). */
export function quizDraftFrom(
  quiz: {
    passMark: number;
    questions: Array<{ prompt: string; kind: string; options: string[]; correct: number[] }>;
  } | null,
): QuizDraft {
  if (!quiz) return emptyQuizDraft();
  return {
    passMark: String(quiz.passMark),
    questions: quiz.questions.map((q) => ({ ...q, options: [...q.options], correct: [...q.correct] })),
  };
}

const QUESTION_FIELD = /^quiz\.questions\.(\d+)\.(prompt|kind|correct|options\.(\d+))$/;

/** Reads the editor's fields back, in order, whatever their number. */
export function readQuizDraft(form: FormData): QuizDraft {
  const questions: QuestionDraft[] = [];
  const passMark = form.get('quiz.passMark');
  for (const [name, raw] of form.entries()) {
    const match = QUESTION_FIELD.exec(name);
    if (!match || typeof raw !== 'string') continue;
    const index = Number(match[1]);
    if (index >= MAX_QUESTIONS) continue;
    for (let i = questions.length; i <= index; i++)
      questions.push({ prompt: '', kind: '', options: [], correct: [] });
    const question = questions[index];
    const value = raw.trim();
    if (match[2] === 'prompt') question.prompt = value;
    else if (match[2] === 'kind') question.kind = value;
    else if (match[2] === 'correct') {
      const option = Number(value);
      if (
        Number.isInteger(option) &&
        option >= 0 &&
        option < MAX_OPTIONS &&
        !question.correct.includes(option)
      ) {
        question.correct.push(option);
      }
    } else {
      const option = Number(match[3]);
      if (option >= MAX_OPTIONS) continue;
      while (question.options.length <= option) question.options.push('');
      question.options[option] = value;
    }
  }
  for (const question of questions) question.correct.sort((a, b) => a - b);
  return { passMark: typeof passMark === 'string' ? passMark.trim() : '', questions };
}

export function addQuestion(draft: QuizDraft): QuizDraft {
  if (draft.questions.length >= MAX_QUESTIONS) return draft;
  return { ...draft, questions: [...draft.questions, emptyQuestion()] };
}

export function addOption(draft: QuizDraft, questionIndex: number): QuizDraft {
  return {
    ...draft,
    questions: draft.questions.map((q, i) =>
      i === questionIndex && q.options.length < MAX_OPTIONS ? { ...q, options: [...q.options, ''] } : q,
    ),
  };
}

const isKind = (kind: string): kind is QuestionKind => (QUESTION_KINDS as string[]).includes(kind);

/**
 * Checks the draft and builds the API's quiz. `questionIndexes[n]` is the form index of the n-th question sent, so
 * an API error about `quiz.questions.n` can be shown beside the right question.
 */
export function readQuiz(draft: QuizDraft): { errors: FormErrors; quiz?: Quiz; questionIndexes: number[] } {
  const errors: FormErrors = {};
  const passMark = draft.passMark
    ? readNumber(draft.passMark, 'quiz.passMark', errors, { min: 0, max: 100, integer: true })
    : undefined;
  if (!draft.passMark) errors['quiz.passMark'] = { key: 'validation.required' };
  const questions: Quiz['questions'] = [];
  const questionIndexes: number[] = [];
  draft.questions.forEach((draftQuestion, index) => {
    const filled = draftQuestion.options.map((text, i) => ({ text, i })).filter((o) => o.text);
    if (!draftQuestion.prompt && filled.length === 0) return;
    const field = `quiz.questions.${index}`;
    if (!draftQuestion.prompt) errors[`${field}.prompt`] = { key: 'validation.required' };
    const correct = filled.flatMap((o, newIndex) => (draftQuestion.correct.includes(o.i) ? [newIndex] : []));
    const kind = isKind(draftQuestion.kind) ? draftQuestion.kind : QuestionKind.Single;
    if (filled.length < MIN_OPTIONS) {
      errors[`${field}.options`] = { key: 'validation.quizOptionsMin', params: { min: MIN_OPTIONS } };
    } else if (kind === QuestionKind.Single && correct.length !== 1) {
      errors[`${field}.options`] = { key: 'validation.quizSingleCorrect' };
    } else if (kind === QuestionKind.Multiple && correct.length === 0) {
      errors[`${field}.options`] = { key: 'validation.quizCorrectRequired' };
    }
    questions.push({ prompt: draftQuestion.prompt, kind, options: filled.map((o) => o.text), correct });
    questionIndexes.push(index);
  });
  if (questions.length === 0) errors.quiz = { key: 'validation.quizQuestionsRequired' };
  if (Object.keys(errors).length > 0 || passMark === undefined) return { errors, questionIndexes };
  return { errors, quiz: { passMark, questions }, questionIndexes };
}

/** Where an API field error about the quiz belongs on the form. */
export function quizFieldOnForm(apiField: string, questionIndexes: number[]): string {
  if (apiField === 'quiz.passMark') return apiField;
  const match = /^quiz\.questions\.(\d+)\.(\w+)/.exec(apiField);
  if (!match) return 'quiz';
  const index = questionIndexes[Number(match[1])] ?? Number(match[1]);
  return `quiz.questions.${index}.${match[2] === 'prompt' ? 'prompt' : 'options'}`;
}
