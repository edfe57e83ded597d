import { describe, expect, it } from 'vitest';
import {
  addOption,
  addQuestion,
  emptyQuizDraft,
  quizFieldOnForm,
  readQuiz,
  readQuizDraft,
} from './quiz-form.js';

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

describe('quiz editor', () => {
  it('reads the fields back into questions and builds the API quiz', () => {
    const draft = readQuizDraft(
      formOf([
        ['quiz.passMark', '80'],
        ['quiz.questions.0.prompt', '电线起火时应先？'],
        ['quiz.questions.0.kind', 'single'],
        ['quiz.questions.0.options.0', '用水浇'],
        ['quiz.questions.0.options.1', '切断电源'],
        ['quiz.questions.0.correct', '1'],
        ['quiz.questions.1.prompt', '哪些是绝缘材料？'],
        ['quiz.questions.1.kind', 'multiple'],
        ['quiz.questions.1.options.0', '橡胶'],
        ['quiz.questions.1.options.1', ''],
        ['quiz.questions.1.options.2', '铜'],
        ['quiz.questions.1.options.3', '陶瓷'],
        ['quiz.questions.1.correct', '3'],
        ['quiz.questions.1.correct', '0'],
      ]),
    );
    expect(readQuiz(draft)).toEqual({
      errors: {},
      questionIndexes: [0, 1],
      quiz: {
        passMark: 80,
        questions: [
          { prompt: '电线起火时应先？', kind: 'single', options: ['用水浇', '切断电源'], correct: [1] },
          // The blank option is dropped and the answers renumbered.
          { prompt: '哪些是绝缘材料？', kind: 'multiple', options: ['橡胶', '铜', '陶瓷'], correct: [0, 2] },
        ],
      },
    });
  });

  it('drops a blank question and still reports errors beside the right question', () => {
    const draft = readQuizDraft(
      formOf([
        ['quiz.passMark', '60'],
        ['quiz.questions.0.prompt', ''],
        ['quiz.questions.0.options.0', ''],
        ['quiz.questions.1.prompt', 'Q'],
        ['quiz.questions.1.kind', 'single'],
        ['quiz.questions.1.options.0', 'a'],
        ['quiz.questions.1.options.1', 'b'],
        ['quiz.questions.1.correct', '0'],
        ['quiz.questions.1.correct', '1'],
      ]),
    );
    const result = readQuiz(draft);
    expect(result.errors).toEqual({ 'quiz.questions.1.options': { key: 'validation.quizSingleCorrect' } });
    expect(result.questionIndexes).toEqual([1]);
    expect(quizFieldOnForm('quiz.questions.0.correct', result.questionIndexes)).toBe(
      'quiz.questions.1.options',
    );
    expect(quizFieldOnForm('quiz.questions.0.prompt', result.questionIndexes)).toBe(
      'quiz.questions.1.prompt',
    );
    expect(quizFieldOnForm('quiz.passMark', result.questionIndexes)).toBe('quiz.passMark');
    expect(quizFieldOnForm('quiz', result.questionIndexes)).toBe('quiz');
  });

  it('asks for a prompt, two options, a correct answer, a pass mark and at least one question', () => {
    const draft = readQuizDraft(
      formOf([
        ['quiz.passMark', '120'],
        ['quiz.questions.0.options.0', 'only one'],
        ['quiz.questions.1.prompt', 'Q2'],
        ['quiz.questions.1.kind', 'multiple'],
        ['quiz.questions.1.options.0', 'a'],
        ['quiz.questions.1.options.1', 'b'],
      ]),
    );
    expect(readQuiz(draft).errors).toEqual({
      'quiz.passMark': { key: 'validation.wholeNumberRange', params: { min: 0, max: 100 } },
      'quiz.questions.0.prompt': { key: 'validation.required' },
      'quiz.questions.0.options': { key: 'validation.quizOptionsMin', params: { min: 2 } },
      'quiz.questions.1.options': { key: 'validation.quizCorrectRequired' },
    });
    expect(readQuiz({ passMark: '60', questions: [] }).errors).toEqual({
      quiz: { key: 'validation.quizQuestionsRequired' },
    });
  });

  it('adds a question with four options, and options up to eight', () => {
    let draft = addQuestion(emptyQuizDraft());
    expect(draft.questions).toHaveLength(2);
    expect(draft.questions[1].options).toEqual(['', '', '', '']);
    for (let i = 0; i < 10; i++) draft = addOption(draft, 1);
    expect(draft.questions[1].options).toHaveLength(8);
    expect(draft.questions[0].options).toHaveLength(4);
  });

  it('ignores fields beyond the limits and answers that are not option numbers', () => {
    const draft = readQuizDraft(
      formOf([
        ['quiz.questions.0.options.9', 'too far'],
        ['quiz.questions.0.correct', 'x'],
        ['quiz.questions.0.correct', '12'],
        ['quiz.questions.99.prompt', 'too many'],
      ]),
    );
    expect(draft.questions).toEqual([{ prompt: '', kind: '', options: [], correct: [] }]);
  });
});
