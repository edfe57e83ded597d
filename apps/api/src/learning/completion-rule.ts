import { CompletionRule } from '@cll/domain';

export interface CompletionFacts {
  rule: CompletionRule;
  requiredLessons: number;
  requiredDone: number;
  classCount: number;
  attended: number;
  attendanceShare: number;
}

/** Classes a learner must attend: the configured share of the planned class dates, rounded up, at least one. */
export function classesNeeded(classCount: number, share: number): number {
  return Math.max(1, Math.ceil(classCount * share - 1e-9));
}

/**
 * Whether the course's rule is met. Lessons: every required lesson done (quizzes passed); a course without required
 * lessons cannot be completed this way (staff decide). Attendance: enough of the planned class dates attended.
 */
export function isCompleted(f: CompletionFacts): boolean {
  const lessons = f.requiredLessons > 0 && f.requiredDone >= f.requiredLessons;
  const attendance = f.attended >= classesNeeded(f.classCount, f.attendanceShare);
  switch (f.rule) {
    case CompletionRule.Lessons:
      return lessons;
    case CompletionRule.Attendance:
      return attendance;
    case CompletionRule.Both:
      return lessons && attendance;
  }
}

/** The rule a course gets from its mode unless the provider chooses another. */
export function ruleForMode(mode: string): CompletionRule {
  if (mode === 'offline') return CompletionRule.Attendance;
  if (mode === 'blended') return CompletionRule.Both;
  return CompletionRule.Lessons;
}

/** Server-side quiz grading: a question counts when exactly the right options were chosen. */
export function gradeQuiz(
  questions: Array<{ correct: number[] }>,
  answers: number[][],
  passMark: number,
): { correct: number; total: number; score: number; passed: boolean } {
  const correct = questions.filter((q, i) => {
    const chosen = [...new Set(answers[i])].sort((a, b) => a - b);
    const right = [...q.correct].sort((a, b) => a - b);
    return chosen.length === right.length && chosen.every((c, k) => c === right[k]);
  }).length;
  const score = questions.length ? Math.round((correct / questions.length) * 100) : 0;
  return { correct, total: questions.length, score, passed: score >= passMark };
}
