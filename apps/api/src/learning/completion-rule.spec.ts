import { CompletionRule } from '@cll/domain';
import { describe, expect, it } from 'vitest';
import { classesNeeded, gradeQuiz, isCompleted, ruleForMode } from './completion-rule.js';

const facts = { requiredLessons: 3, requiredDone: 3, classCount: 10, attended: 8, attendanceShare: 0.8 };

describe('completion rules', () => {
  it('needs every required lesson for the lessons rule, and some required lesson to exist', () => {
    expect(isCompleted({ ...facts, rule: CompletionRule.Lessons })).toBe(true);
    expect(isCompleted({ ...facts, rule: CompletionRule.Lessons, requiredDone: 2 })).toBe(false);
    expect(isCompleted({ ...facts, rule: CompletionRule.Lessons, requiredLessons: 0, requiredDone: 0 })).toBe(
      false,
    );
  });

  it('counts attendance against the planned classes, rounding the share up', () => {
    expect(classesNeeded(10, 0.8)).toBe(8);
    expect(classesNeeded(3, 0.8)).toBe(3);
    expect(classesNeeded(1, 0.5)).toBe(1);
    expect(isCompleted({ ...facts, rule: CompletionRule.Attendance, attended: 7 })).toBe(false);
    expect(isCompleted({ ...facts, rule: CompletionRule.Attendance, attended: 8, requiredDone: 0 })).toBe(
      true,
    );
  });

  it('needs both for blended courses', () => {
    expect(isCompleted({ ...facts, rule: CompletionRule.Both })).toBe(true);
    expect(isCompleted({ ...facts, rule: CompletionRule.Both, attended: 1 })).toBe(false);
    expect(isCompleted({ ...facts, rule: CompletionRule.Both, requiredDone: 1 })).toBe(false);
  });

  it('takes the rule from the mode', () => {
    expect([ruleForMode('online'), ruleForMode('offline'), ruleForMode('blended')]).toEqual([
      'lessons',
      'attendance',
      'both',
    ]);
  });
});

describe('gradeQuiz', () => {
  const questions = [{ correct: [0] }, { correct: [0, 2] }, { correct: [1] }];

  it('counts a question only when exactly the right options were chosen, in any order', () => {
    expect(gradeQuiz(questions, [[0], [2, 0], [1]], 60)).toEqual({
      correct: 3,
      total: 3,
      score: 100,
      passed: true,
    });
    expect(gradeQuiz(questions, [[0], [0], [1]], 60)).toEqual({
      correct: 2,
      total: 3,
      score: 67,
      passed: true,
    });
    expect(gradeQuiz(questions, [[0], [0, 1, 2], [2]], 60)).toEqual({
      correct: 1,
      total: 3,
      score: 33,
      passed: false,
    });
  });
});
