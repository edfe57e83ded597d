import type { FormErrors } from './forms.js';

/**
 * A learner's quiz form: question i's choices are sent as `q<i>` (one value for a radio button, several for
 * checkboxes), each the index of an option. The API takes one array of option indexes per question.
 */

export const answerField = (questionIndex: number): string => `q${questionIndex}`;

export interface QuizAnswers {
  answers: number[][];
  errors: FormErrors;
}

export function readQuizAnswers(
  form: FormData,
  questions: ReadonlyArray<{ kind: string; options: readonly string[] }>,
): QuizAnswers {
  const errors: FormErrors = {};
  const answers = questions.map((question, i) => {
    const chosen = new Set<number>();
    for (const raw of form.getAll(answerField(i))) {
      const index = typeof raw === 'string' ? Number(raw) : NaN;
      if (Number.isInteger(index) && index >= 0 && index < question.options.length) chosen.add(index);
    }
    // A single-choice question keeps one answer even if a hand-made request sends more.
    const picked = [...chosen].sort((a, b) => a - b);
    const answer = question.kind === 'single' ? picked.slice(0, 1) : picked;
    if (answer.length === 0) errors[answerField(i)] = { key: 'quiz.chooseOne' };
    return answer;
  });
  return { answers, errors };
}
