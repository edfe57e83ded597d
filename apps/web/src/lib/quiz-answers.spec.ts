import { describe, expect, it } from 'vitest';
import { readQuizAnswers } from './quiz-answers.js';

const questions = [
  { kind: 'single', options: ['a', 'b', 'c'] },
  { kind: 'multiple', options: ['a', 'b', 'c', 'd'] },
];

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('readQuizAnswers', () => {
  it('reads one answer per single-choice question and every ticked box of a multiple-choice one', () => {
    const { answers, errors } = readQuizAnswers(
      formOf([
        ['q0', '2'],
        ['q1', '3'],
        ['q1', '0'],
      ]),
      questions,
    );
    expect(answers).toEqual([[2], [0, 3]]);
    expect(errors).toEqual({});
  });

  it('asks for an answer to each question left blank', () => {
    const { errors } = readQuizAnswers(formOf([['q1', '1']]), questions);
    expect(Object.keys(errors)).toEqual(['q0']);
    expect(errors.q0).toEqual({ key: 'quiz.chooseOne' });
  });

  it('ignores options that do not exist and duplicates', () => {
    const { answers, errors } = readQuizAnswers(
      formOf([
        ['q0', '9'],
        ['q0', 'x'],
        ['q1', '1'],
        ['q1', '1'],
      ]),
      questions,
    );
    expect(answers).toEqual([[], [1]]);
    expect(Object.keys(errors)).toEqual(['q0']);
  });

  it('keeps a single answer for a single-choice question sent several', () => {
    const { answers } = readQuizAnswers(
      formOf([
        ['q0', '1'],
        ['q0', '0'],
        ['q1', '2'],
      ]),
      questions,
    );
    expect(answers[0]).toEqual([0]);
  });
});
