import { CourseMode, ProgrammeKind, ProviderStatus, PublishProblem, QuestionKind } from '@cll/domain';
import type { FieldProblem } from '../common/domain.exception.js';

export interface PublishCheckInput {
  mode: CourseMode;
  providerStatus: ProviderStatus;
  programme: { kind: ProgrammeKind; occupationCode: string | null; confersAttainment: string | null };
  lessonCount: number;
  sessions: Array<{ id: string; startsAt: Date; endsAt: Date; capacity: number; online: boolean }>;
}

export interface Problem {
  code: PublishProblem;
  message: string;
  sessionId?: string;
}

/** Every reason a course cannot be published yet; empty when it can. */
export function publishProblems(input: PublishCheckInput): Problem[] {
  const problems: Problem[] = [];
  if (input.providerStatus !== ProviderStatus.Approved) {
    problems.push({
      code: PublishProblem.ProviderNotApproved,
      message: 'The provider is not approved by the bureau.',
    });
  }
  if (input.lessonCount === 0 && input.sessions.length === 0) {
    problems.push({
      code: PublishProblem.NoLessonOrSession,
      message: 'Add at least one lesson or one session.',
    });
  }
  const vocational = [ProgrammeKind.VocationalSkill, ProgrammeKind.Apprenticeship].includes(
    input.programme.kind,
  );
  if (vocational && !input.programme.occupationCode) {
    problems.push({
      code: PublishProblem.OccupationCodeMissing,
      message: 'A vocational programme needs its occupation code.',
    });
  }
  if (input.programme.kind === ProgrammeKind.Academic && !input.programme.confersAttainment) {
    problems.push({
      code: PublishProblem.AttainmentLevelMissing,
      message: 'An academic programme must say which attainment level it confers.',
    });
  }
  if (input.mode !== CourseMode.Online && !input.sessions.some((s) => !s.online)) {
    problems.push({
      code: PublishProblem.OfflineWithoutSession,
      message: 'A class taught in person needs a session with a place.',
    });
  }
  for (const session of input.sessions) {
    if (session.endsAt <= session.startsAt) {
      problems.push({
        code: PublishProblem.SessionEndsBeforeStart,
        message: 'A session ends before it starts.',
        sessionId: session.id,
      });
    }
    if (session.capacity < 1) {
      problems.push({
        code: PublishProblem.SessionCapacityInvalid,
        message: 'A session has no seats.',
        sessionId: session.id,
      });
    }
  }
  return problems;
}

export interface QuizInput {
  passMark: number;
  questions: Array<{ kind: QuestionKind; options: string[]; correct: number[] }>;
}

/** Answers that cannot be right: out-of-range or repeated indexes, or a single-choice question without exactly one. */
export function quizProblems(quiz: QuizInput): FieldProblem[] {
  const problems: FieldProblem[] = [];
  quiz.questions.forEach((question, i) => {
    const field = `quiz.questions.${i}.correct`;
    const inRange = question.correct.every(
      (c) => Number.isInteger(c) && c >= 0 && c < question.options.length,
    );
    if (!inRange || new Set(question.correct).size !== question.correct.length) {
      problems.push({
        field,
        code: 'QUIZ_INVALID',
        message: 'Correct answers must be distinct option numbers of this question.',
      });
    } else if (question.kind === QuestionKind.Single && question.correct.length !== 1) {
      problems.push({
        field,
        code: 'QUIZ_INVALID',
        message: 'A single-choice question has exactly one correct answer.',
      });
    } else if (question.correct.length === 0) {
      problems.push({ field, code: 'QUIZ_INVALID', message: 'Mark at least one correct answer.' });
    }
  });
  return problems;
}
